// A webhook receiver on 127.0.0.1 that keeps every POST with its headers and body; `failNext` answers 503.
import { createServer } from 'node:http';

export interface ReceivedHook {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export async function startWebhookReceiver() {
  const received: ReceivedHook[] = [];
  const state = { url: '', received, failNext: 0, stop: async () => {} };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      if (state.failNext > 0) {
        state.failNext--;
        response.writeHead(503).end('busy');
        return;
      }
      received.push({
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  state.stop = () => new Promise((resolve) => server.close(() => resolve()));
  return state;
}
