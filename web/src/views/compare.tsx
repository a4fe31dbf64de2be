/** A derivative beside its origin: reused passages and paraphrased sentences side by side with word edits marked, the derivative's own text flagged when unsupported. */
import { diffWords } from 'diff';
import { api, type ArticleDetail, type Compare } from '../api';
import { href } from '../router';
import { useLoad } from '../use-load';
import { articleName, shortDate } from '../util';
import { Status } from '../components/status';

interface Row {
  kind: 'reused' | 'own';
  left: [number, number];
  right?: [number, number];
  similarity?: number;
  unsupported?: boolean;
}

/** Rows in the derivative's order: each aligned pair beside its source, and the derivative's own text between them. */
export function alignRows(derived: ArticleDetail, compare: Compare): Row[] {
  const additions = derived.additions ?? [];
  const rows: Row[] = [];
  let at = 0;
  const own = (start: number, end: number) => {
    if (!derived.text.slice(start, end).trim()) return;
    rows.push({ kind: 'own', left: [start, end], unsupported: additions.some((x) => x.start < end && start < x.end) });
  };
  for (const p of compare.pairs) {
    if (p.from[0] < at) continue;
    own(at, p.from[0]);
    rows.push({ kind: 'reused', left: p.from, right: p.to, similarity: p.similarity });
    at = p.from[1];
  }
  own(at, derived.text.length);
  return rows;
}

export function CompareView({ from, to }: { from: string; to: string }) {
  const derived = useLoad(`article:${from}`, () => api.article(from));
  const origin = useLoad(`article:${to}`, () => api.article(to));
  const compare = useLoad(`compare:${from}:${to}`, () => api.compare(from, to));
  for (const x of [derived, origin, compare]) if (x.state !== 'ok') return <Status of={x} />;
  if (derived.state !== 'ok' || origin.state !== 'ok' || compare.state !== 'ok') return null;
  const d = derived.data;
  const o = origin.data;
  const { link } = compare.data;
  const rows = alignRows(d, compare.data);
  return (
    <section class="compare">
      <p class="crumbs">
        <a href="#/">Stories</a> › {d.story ? <a href={href({ view: 'story', id: d.story, tab: 'graph' })}>who copied whom</a> : null} ›
      </p>
      <h1>Side by side</h1>
      <p class="counts">
        <span class={`pill link ${link.kind}`}>{link.kind}</span> score {link.score.toFixed(2)} · direction {link.direction} ·{' '}
        {rows.filter((r) => r.kind === 'reused').length} aligned passages · {rows.filter((r) => r.unsupported).length} unsupported additions
      </p>
      <p class="legend-line">
        <ins>added or changed in the derivative</ins> <del>in the origin, changed or left out</del> <span class="sample unsupported">unsupported addition</span>
      </p>
      <div class="side-by-side" role="table" aria-label="Derivative and origin, passage by passage">
        <div class="row head" role="row">
          <div role="columnheader">
            Derivative: <a href={href({ view: 'article', id: d.id })}>{articleName(d)}</a> <small>{shortDate(d.published)}</small>
          </div>
          <div role="columnheader">
            Origin: <a href={href({ view: 'article', id: o.id })}>{articleName(o)}</a> <small>{shortDate(o.published)}</small>
          </div>
        </div>
        {rows.map((row, i) => (
          <div key={i} class={`row ${row.kind}${row.unsupported ? ' unsupported' : ''}`} role="row">
            {row.kind === 'reused' ? (
              <Passage left={d.text.slice(...row.left)} right={o.text.slice(...row.right!)} similarity={row.similarity ?? 1} />
            ) : (
              <OwnText text={d.text.slice(...row.left)} unsupported={row.unsupported} />
            )}
          </div>
        ))}
      </div>
    </section>
  );
}

function Passage({ left, right, similarity }: { left: string; right: string; similarity: number }) {
  const parts = diffWords(right, left);
  const label = similarity >= 1 ? 'verbatim' : `paraphrase, ${Math.round(similarity * 100)}% shared terms`;
  return (
    <>
      <div role="cell" class="cell" data-side="Derivative">
        <span class="flag">{label}: </span>
        {parts.filter((p) => !p.removed).map((p, i) => (p.added ? <ins key={i}>{p.value}</ins> : p.value))}
      </div>
      <div role="cell" class="cell" data-side="Origin">
        {parts.filter((p) => !p.added).map((p, i) => (p.removed ? <del key={i}>{p.value}</del> : p.value))}
      </div>
    </>
  );
}

function OwnText({ text, unsupported }: { text: string; unsupported?: boolean }) {
  return (
    <>
      <div role="cell" class="cell own" data-side="Derivative">
        <span class={`flag${unsupported ? ' unsupported' : ''}`}>{unsupported ? 'Unsupported addition' : 'Own text'}: </span>
        {text.trim()}
      </div>
      <div role="cell" class="cell empty" data-side="Origin">not in the origin</div>
    </>
  );
}
