/** `triangulate show WHAT`: lists stored results (stories, links, entities, claims, failures) without re-running anything. */
import { jsonSafe, termSafe } from '../../report/escape.js';
import { EXIT } from '../exit-codes.js';
import type { Output } from '../output.js';
import { exportStory } from '../../report/json.js';
import { renderLedger } from '../../report/ledger.js';
import { withStore } from './shared.js';

export const SHOW_WHAT = ['stories', 'propositions', 'links', 'entities', 'claims', 'failures'] as const;
export type ShowWhat = (typeof SHOW_WHAT)[number];

export interface ShowFlags {
  db?: string;
  json?: boolean;
  article?: string;
  kind?: string;
  limit?: number;
  story?: string;
  status?: string;
  chains?: boolean;
}

export async function runShow(what: ShowWhat, flags: ShowFlags, out: Output): Promise<number> {
  return withStore(flags.db, async (store) => {
    // Titles from the listings: no article text or layers is read to name them.
    const { articles } = await store.loadOverview();
    const title = new Map(articles.map((a) => [a.id, a.title ?? a.source.path ?? a.source.url ?? a.id]));
    const name = (id: string) => termSafe(`${title.get(id) ?? id}`).slice(0, 70);
    const analysis = await store.loadAnalysis();
    const keep = <T>(rows: T[], article: (r: T) => string[], kind: (r: T) => string) =>
      rows
        .filter((r) => !flags.article || article(r).some((id) => id.startsWith(flags.article!)))
        .filter((r) => !flags.kind || kind(r) === flags.kind)
        .slice(0, flags.limit ?? Infinity);
    let rows: unknown[];
    let lines: string[];
    switch (what) {
      case 'stories': {
        const stories = keep(analysis.stories.map(exportStory), (s) => s.articles, () => '');
        rows = stories;
        lines = stories.flatMap((s) => [
          `${s.id}  ${termSafe(s.label ?? '')}  (${s.articles.length} articles, ${s.origins?.length ?? '?'} independent origins)`,
          ...s.articles.map((id) => `  ${id}  ${name(id)}`),
        ]);
        break;
      }
      case 'propositions': {
        const props = analysis.propositions
          .filter((p) => !flags.story || p.story.startsWith(flags.story))
          .filter((p) => !flags.status || p.status === flags.status)
          .filter((p) => !flags.article || p.trajectory.some((t) => t.article.startsWith(flags.article!)))
          .slice(0, flags.limit ?? Infinity);
        rows = props;
        lines = props.length ? renderLedger(analysis.stories, props, { all: true, chains: flags.chains }).split('\n') : [];
        break;
      }
      case 'links': {
        const links = keep(analysis.links, (l) => [l.from, l.to], (l) => l.kind);
        rows = links;
        lines = links.map((l) => `${l.kind.padEnd(13)} ${l.score.toFixed(2)}  ${name(l.from)}  ←  ${name(l.to)}  (direction ${l.direction})`);
        break;
      }
      case 'entities': {
        const byMentions = [...analysis.entities].sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
        const entities = keep(byMentions, (e) => e.mentions.map((m) => m.article), (e) => e.type);
        rows = entities;
        lines = entities.map((e) => `${e.type.padEnd(13)} ${String(e.mentions.length).padStart(3)}  ${termSafe(e.name)}${e.aliases.length ? `  (${termSafe(e.aliases.join('; '))})` : ''}`);
        break;
      }
      case 'claims': {
        const claims = keep(analysis.claims, (c) => [c.article], (c) => c.kind);
        rows = claims;
        lines = claims.map((c) => {
          const who = c.attribution ? ` — ${termSafe(c.attribution.speaker ?? 'unnamed')} (${termSafe(c.attribution.cue)}${c.attribution.via ? ` via ${termSafe(c.attribution.via)}` : ''})` : '';
          const flagsText = [c.hedge && `hedge: ${c.hedge}`, c.negated && 'negated', c.opinion && 'opinion', c.unsupported && 'unsupported addition']
            .filter(Boolean)
            .join(', ');
          return `${c.kind.padEnd(9)} [${c.start}-${c.end}] ${termSafe(c.text).replace(/\s+/g, ' ').slice(0, 140)}${who}${flagsText ? ` [${flagsText}]` : ''}  {${name(c.article)}}`;
        });
        break;
      }
      case 'failures': {
        const failures = keep(await store.listFailures(), () => [], (f) => f.ruleId);
        rows = failures;
        lines = failures.map((f) => `${f.at}  ${termSafe(f.input)}: ${termSafe(f.reason)} [${f.ruleId}]`);
        break;
      }
    }
    if (flags.json) out.print(rows.map((r) => jsonSafe(r)).join('\n'));
    else out.print(lines.length ? lines.join('\n') : `no ${what} stored${what === 'failures' ? '' : ' (run `triangulate analyze` first)'}`);
    return EXIT.OK;
  }, { readOnly: true });
}
