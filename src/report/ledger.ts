/**
 * The ledger: each story's propositions in the order an editor reads them (contested first, then
 * single-origin, unconfirmed, denied, unsupported, corroborated), each value with its speakers and
 * independent origins, and the reasons for the status. Shared by `analyze` and `show propositions`.
 */
import type { ExportProposition, ExportPropositionValue } from './export-schema.js';
import type { StoredStory } from '../store/store.js';
import { STATUS_ORDER } from '../align/stage.js';
import { termSafe } from './escape.js';

/** Propositions listed per story and status before "… N more". */
const LEDGER_MAX_PER_STATUS = 8;
/** Speakers listed per value. */
const MAX_SPEAKERS = 3;

export interface LedgerOptions {
  /** List every proposition instead of the first few per status. */
  all?: boolean;
  /** Print each value's origin chains too. */
  chains?: boolean;
}

/** Renders the ledger of every story that has propositions. */
export function renderLedger(stories: readonly StoredStory[], propositions: readonly ExportProposition[], options: LedgerOptions = {}): string {
  const byStory = new Map<string, ExportProposition[]>();
  for (const p of propositions) byStory.set(p.story, [...(byStory.get(p.story) ?? []), p]);
  const lines: string[] = [];
  const known = stories.length ? stories : [...byStory.keys()].map((id) => ({ id, articles: [] as string[] }) as StoredStory);
  for (const story of known) {
    const list = byStory.get(story.id);
    if (!list?.length) continue;
    const origins = story.origins?.length;
    lines.push(`Ledger — ${story.label ? `“${termSafe(story.label)}”` : story.id}${story.articles.length ? ` (${story.articles.length} articles${origins ? `, ${origins} independent origin${origins === 1 ? '' : 's'}` : ''})` : ''}`);
    for (const status of STATUS_ORDER) {
      const group = list.filter((p) => p.status === status);
      if (!group.length) continue;
      const shown = options.all || status === 'contested' ? group : group.slice(0, LEDGER_MAX_PER_STATUS);
      lines.push(`  ${status.toUpperCase()} (${group.length})`);
      for (const p of shown) lines.push(...renderProposition(p, options));
      if (shown.length < group.length) lines.push(`    … ${group.length - shown.length} more (triangulate show propositions --status ${status})`);
    }
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}

/** One proposition: its label, then one line per value, then the reasons. */
export function renderProposition(p: ExportProposition, options: LedgerOptions = {}): string[] {
  // A claim found only in a copy's addition reads best as the claim itself, on one line.
  if (p.kind === 'event' && p.status === 'unsupported') return [`    “${termSafe(p.label)}”  — ${termSafe(p.values.flatMap((v) => v.speakers).join('; '))}  ${p.id}`];
  const head = `    ${termSafe(p.label)}  [${p.origins} origin${p.origins === 1 ? '' : 's'}, ${p.articles} article${p.articles === 1 ? '' : 's'}]  ${p.id}`;
  const width = Math.max(...p.values.map((v) => v.text.length));
  const lines = [head];
  for (const v of p.values) {
    lines.push(`      ${termSafe(v.text).padEnd(width)}  ${valueLine(v)}`);
    if (options.chains) for (const chain of v.originChains) lines.push(`      ${' '.repeat(width)}    ↳ ${termSafe(chain)}`);
  }
  for (const reason of p.reasons) lines.push(`      · ${termSafe(reason)}`);
  return lines;
}

function valueLine(v: ExportPropositionValue): string {
  const speakers = termSafe(v.speakers.slice(0, MAX_SPEAKERS).join('; ')) + (v.speakers.length > MAX_SPEAKERS ? `; +${v.speakers.length - MAX_SPEAKERS}` : '');
  const when = v.firstSeen ? (v.lastSeen && v.lastSeen !== v.firstSeen ? `, ${v.firstSeen} – ${v.lastSeen}` : `, ${v.firstSeen}`) : '';
  const flags = [v.hedged && v.hedges ? `hedged: ${v.hedges.join(', ')}` : '', v.unsupported ? 'unsupported addition' : ''].filter(Boolean);
  return `${speakers} — ${v.origins} origin${v.origins === 1 ? '' : 's'}, ${v.claims.length} report${v.claims.length === 1 ? '' : 's'}${when}${flags.length ? ` [${flags.join('; ')}]` : ''}`;
}
