/** Runs the CLI under a file size limit (KiB, first argument), so a write stops part way as if the process were killed. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const [kib, ...args] = process.argv.slice(2);
const entry = fileURLToPath(new URL('./cli-entry.ts', import.meta.url));
const quoted = [process.execPath, '--import', 'tsx', entry, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
const result = spawnSync('bash', ['-c', `ulimit -f ${Number(kib)}; exec ${quoted}`], { stdio: 'inherit' });
// Killed by SIGXFSZ (no exit status) or exited with the write error: either way, non-zero.
process.exitCode = result.status ?? 128 + 25;
