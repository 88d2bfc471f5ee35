module.exports = { debugRouter: require('./debug') };
