/**
 * A page of our own, served from 127.0.0.1 (and reachable as `localhost` too, which is another
 * origin: a site that was not allowed), for the page-badge tests.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestSite {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** The same server as another origin: `http://localhost:<port>`. */
  readonly otherOrigin: string;
  close(): Promise<void>;
}

export async function serveTestSite(pages: Readonly<Record<string, string>>): Promise<TestSite> {
  const server: Server = createServer((request, response) => {
    const body = pages[new URL(request.url ?? '/', 'http://x').pathname];
    response.writeHead(body === undefined ? 404 : 200, {
      'content-type': 'text/html; charset=utf-8',
    });
    response.end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    otherOrigin: `http://localhost:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
