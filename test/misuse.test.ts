/** Issue 9: misuse of the command line and of the store (rows 4, 5, 13, 14, 17), through the real CLI. */
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/index.js';
import { runCli } from './cli-helpers.js';
import { startScript } from './cli-process.js';

const tmp = mkdtempSync(join(tmpdir(), 'triangulate-misuse-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const article = (n: number) =>
  `Report number ${n} on the river flood\n\nThe river rose by ${n} centimetres overnight in the town of Example, officials said on Tuesday. ` +
  `Crews worked until dawn on the levees while residents of ${n} streets were told to leave their homes before noon.\n`;

describe('misuse: the store location', () => {
  it('row 4: an empty --db is a usage error, not a temporary database', async () => {
    const input = join(tmp, 'one.txt');
    writeFileSync(input, article(1));
    const result = await runCli('ingest', input, '--db', '');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--db is empty; give a database file \[store:empty-path\]/);
    expect(result.stderr).not.toMatch(/added/);
  });

  it('row 4: an empty TRIANGULATE_DB is a usage error', async () => {
    const saved = process.env.TRIANGULATE_DB;
    process.env.TRIANGULATE_DB = '';
    try {
      const result = await runCli('ingest', join(tmp, 'one.txt'));
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/TRIANGULATE_DB is set but empty/);
    } finally {
      if (saved === undefined) delete process.env.TRIANGULATE_DB;
      else process.env.TRIANGULATE_DB = saved;
    }
  });

  it.each([['show', 'stories'], ['show', 'failures'], ['export', '--format', 'json']])(
    'row 5: %s with a mistyped --db says the path does not exist and creates nothing',
    async (...args) => {
      const typo = join(tmp, 'no-such-dir', 'typo.db');
      const result = await runCli(...args, '--db', typo);
      expect(result.code).toBe(3);
      expect(result.stderr).toContain(`store "${typo}": no database at this path`);
      expect(result.stdout).toBe('');
      expect(existsSync(join(tmp, 'no-such-dir'))).toBe(false);
    },
  );
});

describe('misuse: options', () => {
  it.each([
    [['--timeout', '-5'], "option '--timeout <ms>' argument '-5' is invalid. expected a whole number from 1 to 2147483647."],
    [['--timeout', 'abc'], "option '--timeout <ms>' argument 'abc' is invalid"],
    [['--timeout', '99999999999'], "option '--timeout <ms>' argument '99999999999' is invalid"],
    [['--max-bytes', '0'], "option '--max-bytes <n>' argument '0' is invalid. expected a whole number of 1 or more."],
    [['--delay', '1.5'], "option '--delay <ms>' argument '1.5' is invalid"],
  ])('row 14: ingest %j exits 2 and says which option and value are wrong', async (flag, message) => {
    const result = await runCli('ingest', join(tmp, 'one.txt'), ...flag, '--db', join(tmp, 'opts.db'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('row 14: show --limit 0 exits 2 with a message', async () => {
    const result = await runCli('show', 'claims', '--limit', '0', '--db', join(tmp, 'opts.db'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("option '--limit <n>' argument '0' is invalid");
  });
});

describe('misuse: long runs', () => {
  it('row 17: a re-run over stored files prints one summary line, and --verbose lists each', async () => {
    const dir = join(tmp, 'corpus');
    mkdirSync(dir);
    for (let i = 0; i < 40; i++) writeFileSync(join(dir, `a${i}.txt`), article(i));
    const db = join(tmp, 'rerun.db');
    expect((await runCli('ingest', dir, '--db', db)).code).toBe(0);
    const again = await runCli('ingest', dir, '--db', db);
    expect(again.code).toBe(0);
    expect(again.stderr.trim().split('\n')).toEqual([`ingest: 0 added, 40 already stored (--verbose lists them), 0 failed (store: ${db})`]);
    const verbose = await runCli('ingest', dir, '--db', db, '--verbose');
    expect(verbose.stderr.match(/^= .*a\d+\.txt: already stored as [0-9a-f]+ \(same-id\); nothing changed$/gm)).toHaveLength(40);
    expect(verbose.stderr).toMatch(/0 added, 40 already stored, 0 failed/);
  });

  describe('row 13: failures are stored as they happen', () => {
    let server: Server;
    let port = 0;
    let arrived: () => void;
    const request = new Promise<void>((resolve) => (arrived = resolve));
    beforeAll(async () => {
      // A server that takes the request and never answers: the run stalls after the first input failed.
      server = createServer(() => arrived());
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => {
      server.closeAllConnections();
      server.close();
    });

    it('a run killed after a failure still shows it in `show failures`', async () => {
      const db = join(tmp, 'killed.db');
      const binary = join(tmp, 'photo.html');
      writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
      const run = startScript('test/cli-entry.ts', ['ingest', binary, `http://127.0.0.1:${port}/stalls`, '--allow-private', '--timeout', '600000', '--db', db]);
      await request;
      run.child.kill('SIGKILL');
      expect((await run.result).code).toBe(-1);
      const shown = await runCli('show', 'failures', '--db', db);
      expect(shown.code).toBe(0);
      expect(shown.stdout).toContain(`${binary}: `);
      expect(shown.stdout).toMatch(/\[ingest:binary\]/);
      const store = await openStore(db, { readOnly: true });
      expect(await store.listFailures()).toHaveLength(1);
      await store.close();
    }, 60_000);
  });
});
