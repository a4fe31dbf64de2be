/** Write routes: ingest (URLs, feeds, uploads) and re-analysis as background jobs, and their progress. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { streamSSE } from 'hono/streaming';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { IngestRequestSchema, JobEventSchema, JobSchema } from '../api-schemas.js';
import type { JobQueue } from '../jobs.js';
import { notFound, param, parseOr400, type Route } from './route.js';

/** Most files one upload may carry. */
export const MAX_UPLOAD_FILES = 1000;
/** Longest file name kept from an upload (the rest is cut). */
const MAX_FILE_NAME_CHARS = 120;

const JOB_PARAM = { id: 'Job id, as returned when the job was queued.' };

export function writeRoutes(jobs: JobQueue): Route[] {
  const job = (id: string) => jobs.get(id) ?? notFound('job', id);
  return [
    {
      method: 'post',
      path: '/api/ingest',
      tag: 'ingest',
      summary: 'Fetch article or feed URLs (through the SSRF guard), store them, and by default re-analyse; runs in the background.',
      write: true,
      body: IngestRequestSchema,
      response: JobSchema,
      status: 202,
      handle: async (c) => {
        const body = parseOr400(IngestRequestSchema, await c.req.json().catch(() => bad('the body is not JSON')), 'body');
        if (!body.urls.length) bad('give at least one URL in `urls`');
        return c.json(jobs.submit({ kind: 'ingest', specs: body.urls, analyze: body.analyze }), 202);
      },
    },
    {
      method: 'post',
      path: '/api/ingest/upload',
      tag: 'ingest',
      summary: 'Store uploaded files (text, Markdown, HTML, JSON, JSONL, feeds) and by default re-analyse; runs in the background.',
      write: true,
      upload: true,
      response: JobSchema,
      status: 202,
      handle: async (c) => {
        const form = await c.req.parseBody({ all: true }).catch(() => bad('the body is not multipart/form-data'));
        const files = [form.files ?? []].flat().filter((f): f is File => f instanceof File);
        if (!files.length) bad('attach at least one file as `files`');
        if (files.length > MAX_UPLOAD_FILES) bad(`at most ${MAX_UPLOAD_FILES} files per upload (got ${files.length})`);
        const analyze = form.analyze !== 'false';
        const dir = await mkdtemp(join(tmpdir(), 'triangulate-upload-'));
        try {
          const specs = await Promise.all(
            files.map(async (file, i) => {
              // One folder per file: two uploads of the same name cannot collide, and the file keeps its own name.
              const path = join(dir, String(i), safeFileName(file.name));
              await mkdir(dirname(path));
              await writeFile(path, new Uint8Array(await file.arrayBuffer()));
              return path;
            }),
          );
          return c.json(jobs.submit({ kind: 'ingest', specs, analyze, cleanup: () => rm(dir, { recursive: true, force: true }) }), 202);
        } catch (error) {
          await rm(dir, { recursive: true, force: true });
          throw error;
        }
      },
    },
    {
      method: 'post',
      path: '/api/analyze',
      tag: 'ingest',
      summary: 'Re-run the analysis over every stored article in the background.',
      write: true,
      response: JobSchema,
      status: 202,
      handle: (c) => c.json(jobs.submit({ kind: 'analyze' }), 202),
    },
    {
      method: 'get',
      path: '/api/jobs/:id',
      tag: 'ingest',
      summary: 'Where a job stands: status and counts of articles added, already stored and failed.',
      params: JOB_PARAM,
      response: JobSchema,
      handle: (c) => c.json(job(param(c, 'id'))),
    },
    {
      method: 'get',
      path: '/api/jobs/:id/events',
      tag: 'ingest',
      summary: "A job's progress as Server-Sent Events: each input added, already stored or failed, each analysis stage, then the final status.",
      params: JOB_PARAM,
      response: JobEventSchema,
      events: JobEventSchema,
      handle: (c) => {
        const id = param(c, 'id');
        job(id);
        return streamSSE(c, async (stream) => {
          const queue: z.infer<typeof JobEventSchema>[] = [];
          let wake: () => void = () => {};
          const unsubscribe = jobs.follow(id, (event) => {
            queue.push(event);
            wake();
          })!;
          // A client gone mid-job: stop listening and wake the loop so this handler ends too.
          stream.onAbort(() => {
            unsubscribe();
            wake();
          });
          try {
            for (;;) {
              while (queue.length) {
                const event = queue.shift()!;
                await stream.writeSSE({ id: String(event.seq), event: event.type, data: JSON.stringify(event) });
                if (event.type === 'status' && (event.status === 'done' || event.status === 'failed')) return;
              }
              if (stream.aborted) return;
              await new Promise<void>((resolve) => (wake = resolve));
            }
          } finally {
            unsubscribe();
          }
        });
      },
    },
  ];
}

/** A file name safe to write in our temporary folder: no path, no control or shell-special characters, extension kept. */
export function safeFileName(name: string): string {
  const cleaned = basename(name.replace(/\\/g, '/'))
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/^\.+/, '');
  const cut = cleaned.length > MAX_FILE_NAME_CHARS ? cleaned.slice(cleaned.length - MAX_FILE_NAME_CHARS) : cleaned;
  return cut || 'upload';
}

function bad(message: string): never {
  throw new HTTPException(400, { message });
}
