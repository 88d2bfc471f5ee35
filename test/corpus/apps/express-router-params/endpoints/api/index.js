const { apiWorkspaceEndpoints } = require('./workspace');

// Hands the authenticated /v1 router on.
function developerEndpoints(app, router) {
  if (!router) return;
  apiWorkspaceEndpoints(router);
}

module.exports = { developerEndpoints };
