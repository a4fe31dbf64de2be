import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_HEAP_MB, heapPlan, runWithHeapLimit } from './heap.js';
import { EXIT } from './exit-codes.js';

describe('cli: heap limit', () => {
  it('starts the analysing commands again under the default limit, the others here', () => {
    expect(heapPlan(['analyze', 'in.jsonl'], {}, [])).toEqual({ run: 'child', mb: DEFAULT_MAX_HEAP_MB });
    expect(heapPlan(['--quiet', 'serve', '--db', 'x.db'], {}, [])).toEqual({ run: 'child', mb: DEFAULT_MAX_HEAP_MB });
    expect(heapPlan(['show', 'story-1'], {}, [])).toEqual({ run: 'here' });
    expect(heapPlan(['--help'], {}, [])).toEqual({ run: 'here' });
  });

  it('takes the limit from TRIANGULATE_MAX_HEAP_MB, leaves a limit given to Node alone, and refuses a bad value', () => {
    expect(heapPlan(['analyze'], { TRIANGULATE_MAX_HEAP_MB: '3072' }, [])).toEqual({ run: 'child', mb: 3072 });
    expect(heapPlan(['analyze'], { TRIANGULATE_MAX_HEAP_MB: '0' }, [])).toEqual({ run: 'here' });
    expect(heapPlan(['analyze'], { NODE_OPTIONS: '--max-old-space-size=900' }, [])).toEqual({ run: 'here' });
    expect(heapPlan(['analyze'], {}, ['--max_old_space_size=900'])).toEqual({ run: 'here' });
    expect(heapPlan(['analyze'], { TRIANGULATE_HEAP_CHILD: '1' }, [])).toEqual({ run: 'here' });
    for (const bad of ['lots', '1.5', '10']) expect(heapPlan(['analyze'], { TRIANGULATE_MAX_HEAP_MB: bad }, [])).toMatchObject({ run: 'refuse', message: expect.stringContaining('TRIANGULATE_MAX_HEAP_MB') });
  });

  it('a process that outgrows its limit ends with a message saying how to raise it; one that does not keeps its exit code', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'triangulate-heap-'));
    const grow = path.join(dir, 'grow.mjs');
    writeFileSync(grow, 'const held = []; for (;;) held.push(new Array(1e5).fill(held.length));\n');
    const lines: string[] = [];
    expect(await runWithHeapLimit(grow, [], 32, (l) => lines.push(l))).toBe(EXIT.ERROR);
    expect(lines.join('\n')).toMatch(/memory limit \(V8 old space 32 MiB.*TRIANGULATE_MAX_HEAP_MB \(e\.g\. 64/s);

    const quiet = path.join(dir, 'quiet.mjs');
    writeFileSync(quiet, 'process.exitCode = process.argv.length - 2 + (process.env.TRIANGULATE_HEAP_CHILD ? 1 : 0);\n');
    const after: string[] = [];
    expect(await runWithHeapLimit(quiet, ['a', 'b'], 64, (l) => after.push(l))).toBe(3);
    expect(after).toEqual([]);
  });
});
