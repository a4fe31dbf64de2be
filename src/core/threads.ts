/** Starting a worker thread on a module of this package, from its built JavaScript or (under tests and tsx) its TypeScript. */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/** A worker running `entry` (a .js or .ts module URL) with `workerData`. */
export function startModuleThread(entry: string, workerData: unknown, resourceLimits: ResourceLimits): Worker {
  if (!entry.endsWith('.ts')) return new Worker(new URL(entry), { workerData, resourceLimits });
  // tsx's ESM API (`require` resolves its CommonJS twin, which cannot register the hooks from here).
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const code = `const { register } = await import(${JSON.stringify(tsx)}); register(); await import(${JSON.stringify(entry)});`;
  return new Worker(code, { eval: true, workerData, resourceLimits });
}

/** The URL of a sibling module of `here`, built (.js) or not (.ts) as `here` is. */
export function siblingModule(here: string, name: string): string {
  return new URL(`./${name}.${here.endsWith('.ts') ? 'ts' : 'js'}`, here).href;
}
