import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './cli-helpers.js';
import { startScript } from './cli-process.js';

const dir = mkdtempSync(join(tmpdir(), 'triangulate-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('triangulate serve', () => {
  it('serves the store on loopback, says where, and stops cleanly on SIGTERM', async () => {
    const db = join(dir, 'serve.db');
    const started = startScript('test/cli-entry.ts', ['serve', '--db', db, '--port', '0'], { env: { TRIANGULATE_TOKEN: '' } });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      started.child.stdout!.on('data', (d) => {
        out += d;
        const m = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
        if (m) resolve(m[1]);
      });
      started.child.once('exit', () => reject(new Error(`serve exited early: ${out}`)));
    });
    expect(await (await fetch(`${url}/api/stories`)).json()).toEqual([]);
    // Started without TRIANGULATE_TOKEN: read-only.
    expect((await fetch(`${url}/api/analyze`, { method: 'POST', headers: { authorization: 'Bearer x' } })).status).toBe(403);
    started.child.kill('SIGTERM');
    const result = await started.result;
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('read-only: set TRIANGULATE_TOKEN');
  });

  it('refuses a malformed port, naming it', async () => {
    const result = await runCli('serve', '--port', '99999', '--db', join(dir, 'x.db'));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--port <n>.*99999/);
  });
});
