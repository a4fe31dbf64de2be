/** A route: its OpenAPI description plus the handler, so the two are written side by side. */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';
import type { RouteDoc } from '../openapi.js';

export interface Route extends RouteDoc {
  handle: (c: Context) => Promise<Response> | Response;
}

/** Parses `value` with `schema`, or answers 400 naming each field that was wrong. */
export function parseOr400<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const detail = result.error.issues.map((i) => `${i.path.length ? i.path.join('.') : what}: ${i.message}`).join('; ');
  throw new HTTPException(400, { message: `invalid ${what}: ${detail}` });
}

/** Answers 404 with a message naming what was looked for. */
export function notFound(what: string, id: string): never {
  throw new HTTPException(404, { message: `no ${what} ${JSON.stringify(id.slice(0, 80))} is stored` });
}

/** A path parameter the route declares. */
export function param(c: Context, name: string): string {
  return c.req.param(name) ?? '';
}
