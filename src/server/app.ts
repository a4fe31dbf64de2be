/**
 * The HTTP server's application: the JSON API (routes in ./routes), its OpenAPI document and docs page,
 * and the built web UI, behind strict security headers. HTTP glue only: reading goes through ApiData,
 * writing through the app/ ingest and analyze functions run as jobs.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { IngestOptions } from '../ingest/index.js';
import type { Store } from '../store/store.js';
import { AssetFolder, swaggerUiDir, webAssetsDir } from './assets.js';
import { requireToken } from './auth.js';
import { ApiData } from './data.js';
import { JobQueue, type HandOff } from './jobs.js';
import { openApiDocument } from './openapi.js';
import { readRoutes } from './routes/read.js';
import type { Route } from './routes/route.js';
import { writeRoutes } from './routes/write.js';

/** Largest upload accepted, in bytes. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
/** Largest JSON request body accepted, in bytes. */
export const MAX_JSON_BYTES = 256 * 1024;
/** Swagger UI's files the docs page loads. */
const SWAGGER_FILES = ['swagger-ui.css', 'swagger-ui-bundle.js'];

export interface ServerOptions {
  store: Store;
  /** Write token (TRIANGULATE_TOKEN); without one every write route answers 403. */
  token?: string;
  /** How URL inputs are fetched; the SSRF guard stays on unless `allowPrivate` is set. */
  ingest?: IngestOptions;
  maxUploadBytes?: number;
  maxJsonBytes?: number;
  /** Folder of the built web UI (default: dist/web). */
  webDir?: string;
  /** Where ingest and re-analysis go instead of running here (a PostgreSQL store's worker queue). */
  handOff?: HandOff;
}

export interface Server {
  app: Hono;
  jobs: JobQueue;
  data: ApiData;
  routes: Route[];
}

/**
 * Builds the app for one store.
 * @example const { app } = createServer({ store }); const res = await app.request('/api/stories');
 */
export function createServer(options: ServerOptions): Server {
  const data = new ApiData(options.store);
  const jobs = new JobQueue(options.store, { ...options.ingest, stdin: undefined }, () => data.invalidate(), options.handOff);
  const routes = [...readRoutes(data), ...writeRoutes(jobs)];
  const openapi = openApiDocument(routes);
  const web = new AssetFolder(options.webDir ?? webAssetsDir());
  const swagger = new AssetFolder(swaggerUiDir(), SWAGGER_FILES);
  const app = new Hono();

  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: 'no-referrer',
      xContentTypeOptions: 'nosniff',
      xFrameOptions: 'DENY',
      crossOriginResourcePolicy: 'same-origin',
      // Plain HTTP on loopback by default: HSTS would mean nothing there.
      strictTransportSecurity: false,
    }),
  );

  const auth = requireToken(options.token);
  const uploadCap = bodyLimit({ maxSize: options.maxUploadBytes ?? MAX_UPLOAD_BYTES, onError: tooLarge(options.maxUploadBytes ?? MAX_UPLOAD_BYTES) });
  const jsonCap = bodyLimit({ maxSize: options.maxJsonBytes ?? MAX_JSON_BYTES, onError: tooLarge(options.maxJsonBytes ?? MAX_JSON_BYTES) });
  for (const route of routes) {
    const guards = route.write ? [auth, route.upload ? uploadCap : jsonCap] : [];
    app.on([route.method.toUpperCase()], [route.path], ...guards, (c) => route.handle(c));
  }

  app.get('/api/openapi.json', (c) => c.json(openapi));
  app.get('/api/docs', (c) => c.html(DOCS_PAGE));
  app.get('/api/docs/init.js', (c) => c.body(DOCS_INIT, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  app.get('/api/docs/:file', async (c) => sendAsset(c, await swagger.get(c.req.param('file'))));
  app.all('/api/*', () => {
    throw new HTTPException(404, { message: 'no such API route (see /api/docs)' });
  });
  app.get('*', async (c) => {
    const path = c.req.path === '/' ? 'index.html' : c.req.path;
    const asset = await web.get(path);
    if (asset) return sendAsset(c, asset, path.startsWith('/assets/'));
    if (!web.size) return c.text('The web UI is not built: run `npm run build` (the API is at /api/docs).', 503);
    return c.text('not found', 404);
  });

  app.onError((error, c) => {
    if (error instanceof HTTPException) {
      const response = error.getResponse();
      return c.json({ error: error.message || response.statusText }, error.status, Object.fromEntries(response.headers));
    }
    console.error(`triangulate serve: ${c.req.method} ${c.req.path}: ${(error as Error).stack ?? error}`);
    return c.json({ error: 'internal error; see the server log' }, 500);
  });

  return { app, jobs, data, routes };
}

function sendAsset(c: Context, asset: { body: Uint8Array; type: string } | undefined, immutable = false): Response {
  if (!asset) throw new HTTPException(404, { message: 'not found' });
  // Vite names built assets by content hash, so they never change under one URL.
  const cache = immutable ? 'public, max-age=31536000, immutable' : 'no-cache';
  return c.body(asset.body as Uint8Array<ArrayBuffer>, 200, { 'content-type': asset.type, 'cache-control': cache });
}

function tooLarge(max: number) {
  return (c: Context) => c.json({ error: `request body over the ${Math.round(max / 1024)} KiB cap` }, 413);
}

const DOCS_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Triangulate API</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script><script src="/api/docs/init.js"></script></body>
</html>
`;

const DOCS_INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true });\n`;
