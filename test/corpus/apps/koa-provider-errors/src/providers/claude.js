import { BedrockRuntimeClient, InvokeModelCommand, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import WebResponse from '../util/response.js';

// Handed Koa's ctx by the controller; this module imports no framework.
class Claude {
  constructor() {
    this.client = new BedrockRuntimeClient({ region: 'us-east-1' });
  }

  input(prompt) {
    return {
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      body: JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 1024, messages: [{ role: 'user', content: String(prompt) }] }),
    };
  }

  async chat(prompt, ctx) {
    if (ctx.request.body.stream) {
      await this.chatStream(ctx, prompt);
    } else {
      ctx.body = await this.chatSync(prompt);
    }
  }

  async chatStream(ctx, prompt) {
    try {
      const response = await this.client.send(new InvokeModelWithResponseStreamCommand(this.input(prompt)));
      for await (const item of response.body) {
        const chunk = JSON.parse(new TextDecoder().decode(item.chunk.bytes));
        if (chunk.type === 'content_block_delta') ctx.res.write(`data: ${JSON.stringify({ content: chunk.delta.text })}\n\n`);
      }
    } catch (e) {
      console.error(e);
      ctx.res.write('data: ' + JSON.stringify({
        content: 'Error invoking model: ' + e.message, // expect: llm-leak/no-error-details-to-client
      }) + '\n\n');
    }
    ctx.res.end();
  }

  async chatSync(prompt) {
    try {
      const r = await this.client.send(new InvokeModelCommand(this.input(prompt)));
      return WebResponse.ok(JSON.parse(new TextDecoder().decode(r.body)).content[0].text);
    } catch (e) {
      return WebResponse.error(e.message); // expect: llm-leak/no-error-details-to-client
    }
  }

  async chatQuiet(prompt, ctx) {
    try {
      const r = await this.client.send(new InvokeModelCommand(this.input(prompt)));
      ctx.body = WebResponse.ok(JSON.parse(new TextDecoder().decode(r.body)).content[0].text);
    } catch (e) {
      console.error('bedrock failed', e.message);
      ctx.status = 502;
      ctx.body = WebResponse.failed(502);
    }
  }
}

export default new Claude();
