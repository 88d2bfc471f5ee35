const express = require('express');
const { expressjwt } = require('express-jwt');
const { chatEndpoints } = require('./endpoints/chat');
const { developerEndpoints } = require('./endpoints/api');

const app = express();
const apiRouter = express.Router();
const v1Router = express.Router();
app.use(express.json());
app.use('/api', apiRouter);
app.use('/v1', expressjwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'] }), v1Router);
chatEndpoints(apiRouter);
developerEndpoints(app, v1Router);
app.listen(3001);
