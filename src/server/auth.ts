/** The write token: `Authorization: Bearer <TRIANGULATE_TOKEN>`, compared in constant time. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';

/**
 * Refuses the request unless it carries the token: 403 when the server has none (writes disabled), 401 when
 * missing or wrong. Both sides are hashed first so the comparison takes the same time whatever their lengths.
 */
export function requireToken(token: string | undefined): MiddlewareHandler {
  const expected = token ? digest(token) : undefined;
  return async (c, next) => {
    if (!expected) throw new HTTPException(403, { message: 'writes are disabled: start the server with TRIANGULATE_TOKEN set' });
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    if (!match || !timingSafeEqual(digest(match[1]), expected)) {
      c.header('WWW-Authenticate', 'Bearer');
      throw new HTTPException(401, { message: 'missing or wrong token: send Authorization: Bearer <TRIANGULATE_TOKEN>' });
    }
    await next();
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
