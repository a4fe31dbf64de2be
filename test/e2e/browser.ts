/**
 * Debian's chromium driven by playwright-core (no browser is ever downloaded). Outside CI a machine without
 * chromium skips the browser tests with a note; in CI (CI=true) that is a failure.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { webAssetsDir } from '../../src/server/assets.js';
import { listen, type Listening } from '../../src/server/listen.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/store.js';
import type { JobEvent } from '../../src/server/api-schemas.js';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => Boolean(p));

/** The chromium executable, or undefined when none is installed (an error in CI). */
export function findChromium(): string | undefined {
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found && process.env.CI === 'true') throw new Error(`chromium is missing (looked at ${CANDIDATES.join(', ')}); .ci/run installs it with apt-get`);
  return found;
}

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'] });
}

/** The seed articles beside the checkout (../shared/seeds), as the other tests find them. */
export const SEEDS = resolve(import.meta.dirname, '../../../shared/seeds');

/** Where screenshots go: $SCREENSHOTS_DIR (docs/screenshots for the committed set), else out/screenshots. */
export const SCREENSHOTS = resolve(process.env.SCREENSHOTS_DIR ?? resolve(import.meta.dirname, '../../out/screenshots'));

export const VIEWPORTS = { desktop: { width: 1280, height: 860 }, phone: { width: 390, height: 844 } } as const;

/** Saves a full-page screenshot at desktop and phone widths. */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const [label, size] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(size);
    await page.evaluate(() => scrollTo(0, 0));
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${label}.png`), fullPage: false });
  }
  await page.setViewportSize(VIEWPORTS.desktop);
  // Let views that follow their size (graph, charts) settle before the test goes on.
  await page.waitForTimeout(200);
}

/** A real server on a free loopback port over a fresh SQLite store. */
export async function startServer(token: string): Promise<{ server: Listening; store: Store; dir: string }> {
  if (!webAssetsDir()) throw new Error('the web UI is not built (dist/web/index.html is missing): run npm run build');
  const dir = await mkdtemp(join(tmpdir(), 'triangulate-e2e-'));
  const store = await openStore(join(dir, 'e2e.db'));
  const server = await listen({ store, token }, { host: '127.0.0.1', port: 0 });
  return { server, store, dir };
}

/** A server over a fresh store holding `files` (uploaded through the API), and a chromium page. */
export interface Session {
  server: Listening;
  page: Page;
  /** The upload job's events. */
  events: JobEvent[];
  close(): Promise<void>;
}

export async function openSession(token: string, files: { name: string; body: string | Uint8Array }[], executablePath: string): Promise<Session> {
  const { server, store, dir } = await startServer(token);
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await server.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const events = await uploadAndWait(server.url, token, files);
    browser = await launchChromium(executablePath);
    const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
    return { server, page, events, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Uploads files through the API and follows the job's event stream to its end; answers every event. */
export async function uploadAndWait(base: string, token: string, files: { name: string; body: string | Uint8Array }[]): Promise<JobEvent[]> {
  const form = new FormData();
  for (const f of files) form.append('files', new Blob([f.body as BlobPart]), f.name);
  const res = await fetch(`${base}/api/ingest/upload`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  if (res.status !== 202) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
  const job = (await res.json()) as { id: string };
  return readEvents(`${base}/api/jobs/${job.id}/events`);
}

/** Reads a Server-Sent Events stream to its end and parses each `data:` line. */
export async function readEvents(url: string): Promise<JobEvent[]> {
  const res = await fetch(url);
  if (res.headers.get('content-type')?.split(';')[0] !== 'text/event-stream') throw new Error(`not an event stream: ${res.headers.get('content-type')}`);
  const text = await res.text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('data:'))
    .map((line) => JSON.parse(line.slice(5)) as JobEvent);
}

/** The bundled example corpus (dated articles, so its figures have trajectories). */
export const EXAMPLES = resolve(import.meta.dirname, '../../examples/corpus');

/** Every file of a folder, as an upload would carry it. */
export async function folderFiles(dir: string): Promise<{ name: string; body: Uint8Array }[]> {
  const names = (await readdir(dir)).filter((n) => !n.startsWith('.')).sort();
  return Promise.all(names.map(async (name) => ({ name, body: new Uint8Array(await readFile(join(dir, name))) })));
}

/** How long a page may take to show something on a loaded machine (expect.poll's default is one second). */
const POLL_TIMEOUT_MS = 20_000;

/** expect.poll with a timeout for a shared CI machine. */
export const poll: typeof expect.poll = (fn, options) => expect.poll(fn, { timeout: POLL_TIMEOUT_MS, ...(typeof options === 'string' ? { message: options } : options) });

/** Presses Tab until the focused element's text contains `text`; fails after `max` presses. */
export async function tabTo(page: Page, text: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el?.matches('a, button, input, textarea, select, summary')) return '';
      return (el instanceof HTMLInputElement ? el.labels?.[0]?.textContent : el.textContent)?.trim() ?? '';
    });
    if (focused.includes(text)) return;
  }
  throw new Error(`Tab never reached an element reading "${text}"`);
}
