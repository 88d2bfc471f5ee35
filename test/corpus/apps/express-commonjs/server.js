const express = require('express');
const passport = require('passport');
const chat = require('./routes/chat');
const { debugRouter } = require('./routes');

const app = express();
app.use(express.json());
app.use('/api', passport.authenticate('jwt', { session: false }), chat);
app.use('/internal', debugRouter);
app.listen(3000);
