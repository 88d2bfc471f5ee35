const express = require('express');
const multer = require('multer');
const OpenAI = require('openai');
const { requireAuth } = require('./middleware/auth');

const router = express.Router();
const upload = multer({
  limits: { fileSize: 1024 * 1024 },
  fileFilter: (req, file, cb) => cb(file.mimetype === 'text/plain' ? null : new Error('Only text files are accepted'), file.mimetype === 'text/plain'),
});
const openai = new OpenAI();

router.post('/summarize', requireAuth, upload.single('file'), async (req, res) => {
  try {
    const out = await openai.chat.completions.create({
      model: 'gpt-4o-mini',
      max_tokens: 300,
      messages: [{ role: 'user', content: `Summarize:\n${req.file.buffer.toString('utf8')}` }],
    });
    const body = { summary: out.choices[0].message.content, code: 'ok' };
    res.json(body);
  } catch (err) {
    const failure = { error: 'The summary failed', code: err.code };
    res.status(502).json(failure);
  }
});

// Upload errors the app recognises get their fixed message; the rest go to the next handler.
router.use((err, _req, res, next) => {
  if (err && (err.name === 'MulterError' || err.message?.startsWith('Only '))) {
    return res.status(400).json({ error: err.message });
  }
  return next(err);
});

module.exports = router;
