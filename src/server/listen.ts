/** Starts the app on a real socket (Node's http server through @hono/node-server). */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createServer, type Server, type ServerOptions } from './app.js';

export interface Listening extends Server {
  /** The base URL it answers on, e.g. http://127.0.0.1:8321. */
  url: string;
  /** Stops accepting connections, waits for queued jobs, and resolves once closed. */
  close(): Promise<void>;
}

/**
 * Listens on `host:port` (port 0 picks a free one).
 * @example const server = await listen({ store }, { host: '127.0.0.1', port: 0 });
 */
export function listen(options: ServerOptions, at: { host: string; port: number }): Promise<Listening> {
  const server = createServer(options);
  return new Promise((resolve, reject) => {
    const http = serve({ fetch: server.app.fetch, hostname: at.host, port: at.port }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        ...server,
        url: `http://${host}:${info.port}`,
        close: async () => {
          await new Promise<void>((done) => {
            http.close(() => done());
            // Open event streams would keep close() waiting for ever.
            (http as { closeAllConnections?: () => void }).closeAllConnections?.();
          });
          await server.jobs.idle();
        },
      });
    });
    http.once('error', reject);
  });
}
