/**
 * Static files the server sends: the built web UI (dist/web) and Swagger UI's assets from its package. The
 * file list is read once at start, so a request can only name a file that was there (no path traversal).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** Where `npm run build` puts the web UI, seen from this file in src/server or dist/server. */
export function webAssetsDir(): string | undefined {
  const here = dirname(fileURLToPath(import.meta.url));
  return [join(here, '..', 'web'), join(here, '..', '..', 'dist', 'web')].find((d) => existsSync(join(d, 'index.html')));
}

/** The folder of the swagger-ui-dist package. */
export function swaggerUiDir(): string {
  return dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
}

/** A fixed set of files under one folder, served by their relative URL path. */
export class AssetFolder {
  private readonly files: Map<string, string>;

  constructor(dir: string | undefined, only?: readonly string[]) {
    this.files = new Map();
    if (!dir) return;
    for (const path of only ? only.map((f) => join(dir, f)) : walk(dir)) {
      this.files.set(relative(dir, path).split(sep).join('/'), path);
    }
  }

  get size(): number {
    return this.files.size;
  }

  /** The file's bytes and content type, or undefined when no such file was listed. */
  async get(urlPath: string): Promise<{ body: Uint8Array; type: string } | undefined> {
    const path = this.files.get(urlPath.replace(/^\/+/, ''));
    if (!path) return undefined;
    return { body: new Uint8Array(await readFile(path)), type: TYPES[extname(path)] ?? 'application/octet-stream' };
  }
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
