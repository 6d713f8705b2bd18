// The site's published Statuspage JSON on 127.0.0.1, rendered from an incidents file the test changes between
// polls (as a deploy would), with the project's own statuspageApi.
import { createServer, type Server } from 'node:http';
import { statusPageInfo } from '../../../src/lib/status/page.ts';
import type { IncidentsFile } from '../../../src/lib/status/schema.ts';
import { statuspageApi } from '../../../src/lib/status/statuspage.ts';

export interface PublishedStatus {
  url: string;
  /** The file as deployed, and the build instant: change them to publish. */
  file: IncidentsFile;
  builtAt: Date;
  /** How many times each JSON file was read. */
  reads: number;
  stop(): Promise<void>;
}

export async function startPublishedStatus(file: IncidentsFile): Promise<PublishedStatus> {
  const state: PublishedStatus = {
    url: '',
    file,
    builtAt: new Date(),
    reads: 0,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '').replace(/^\/api\/v2\//, '');
    const api = statuspageApi(state.file, statusPageInfo({ siteUrl: state.url }), state.builtAt);
    if (!(path in api)) {
      response.writeHead(404).end();
      return;
    }
    state.reads++;
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(api[path]));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return state;
}
