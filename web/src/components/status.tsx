import type { Loaded } from '../use-load';

/** Loading and error states of a view, announced to screen readers. */
export function Status({ of }: { of: Loaded<unknown> }) {
  if (of.state === 'loading') return <p class="loading" role="status">Loading…</p>;
  if (of.state === 'error') return <p class="error" role="alert">Could not load: {of.message}</p>;
  return null;
}
