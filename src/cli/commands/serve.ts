import { listen } from '../../server/listen.js';
import { openStore, resolveDbLocation } from '../../store/index.js';
import { EXIT } from '../exit-codes.js';
import type { Output } from '../output.js';

/** Serves the web UI and the API until SIGINT or SIGTERM. */
export async function runServe(flags: { db?: string; port: number; host: string }, out: Output): Promise<number> {
  const location = resolveDbLocation(flags.db);
  const store = await openStore(location);
  const token = process.env.TRIANGULATE_TOKEN || undefined;
  // PostgreSQL: the API's ingest and re-analysis go to the workers' queue (src/queue), as the CLI's do.
  const queue = store.kind === 'postgres' ? await (await import('../../queue/queue.js')).JobQueue.open(location) : undefined;
  const handOff = queue && (await import('../../queue/enqueue.js')).queueHandOff(queue, store, {});
  let server;
  try {
    server = await listen({ store, token, handOff }, { host: flags.host, port: flags.port });
  } catch (error) {
    await queue?.close();
    await store.close();
    out.error(`serve: cannot listen on ${flags.host}:${flags.port}: ${(error as Error).message}`);
    return EXIT.ERROR;
  }
  out.print(`Triangulate is serving ${store.location} at ${server.url}/ (API docs: ${server.url}/api/docs)`);
  if (!isLoopback(flags.host)) out.info(`serve: listening on ${flags.host}, not loopback: anyone who can reach this address can read the store`);
  out.info(token ? 'writes (ingest, re-analysis) need Authorization: Bearer $TRIANGULATE_TOKEN' : 'read-only: set TRIANGULATE_TOKEN to allow ingest and re-analysis');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  await queue?.close();
  await store.close();
  return EXIT.OK;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}
