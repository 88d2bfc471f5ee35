// A script run by hand against the app's own OpenAI-compatible API on this machine: it exports nothing (no module of
// the server can use it) and its client's baseURL is a loopback address. Its console is its user's terminal.
const OpenAI = require('openai');

const client = new OpenAI({ baseURL: 'http://localhost:3001/api/v1/openai', apiKey: process.env.LOCAL_API_KEY });

(async () => {
  console.log('Running synchronous chat message');
  const syncCompletion = await client.chat.completions.create({
    messages: [{ role: 'user', content: 'What is this workspace about?' }],
    model: 'my-workspace',
  });
  console.log(syncCompletion.choices[0]);

  const asyncCompletion = await client.chat.completions.create({
    messages: [{ role: 'user', content: 'And in one word?' }],
    model: 'my-workspace',
    stream: true,
  });
  let message = '';
  for await (const chunk of asyncCompletion) {
    message += chunk.choices[0].delta.content;
    console.log({ message });
  }
})();
