// The plugin for require(): eslintrc (ESLint 9's `.eslintrc` mode) and CommonJS configs load plugins with require,
// which on an ES module returns its namespace ({ default }); this entry hands them the plugin itself. Node 20.19+
// loads the ES module synchronously (require(esm)), so both entries share one plugin object.
import entry = require('./index.js');

export = entry.default;
