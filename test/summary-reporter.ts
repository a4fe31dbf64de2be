/**
 * Adds the plain closing line "N passed, N failed" (", N skipped") after vitest's own report,
 * so CI tooling that reads closing lines sees how many tests ran.
 */
import type { Reporter } from 'vitest/reporters';

type Task = { type: string; mode?: string; result?: { state?: string }; tasks?: Task[] };

export default class SummaryReporter implements Reporter {
  onFinished(files: Task[] = []): void {
    const count = { passed: 0, failed: 0, skipped: 0 };
    const walk = (task: Task) => {
      if (task.tasks) task.tasks.forEach(walk);
      if (task.type !== 'test') return;
      if (task.mode === 'skip' || task.mode === 'todo') count.skipped++;
      else if (task.result?.state === 'pass') count.passed++;
      else if (task.result?.state === 'fail') count.failed++;
    };
    files.forEach(walk);
    // A file that failed to load has no tests; count it as a failure so the line never hides it.
    for (const file of files) if (file.result?.state === 'fail' && !file.tasks?.length) count.failed++;
    console.log(`\n${count.passed} passed, ${count.failed} failed${count.skipped ? `, ${count.skipped} skipped` : ''}`);
  }
}
