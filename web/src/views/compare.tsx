/** A derivative beside its origin: reused passages side by side with word edits marked, the derivative's own text flagged when unsupported. */
import { diffWords } from 'diff';
import { api, type ArticleDetail, type Link } from '../api';
import { href } from '../router';
import { useLoad } from '../use-load';
import { articleName, shortDate } from '../util';
import { Status } from '../components/status';

interface Row {
  kind: 'reused' | 'own';
  left: [number, number];
  right?: [number, number];
  unsupported?: boolean;
}

/** Rows in the derivative's order: each reused passage beside its source, and the derivative's own text between them. */
export function alignRows(derived: ArticleDetail, link: Link): Row[] {
  const passages = [...link.passages].sort((a, b) => a.from[0] - b.from[0]);
  const additions = derived.additions ?? [];
  const rows: Row[] = [];
  let at = 0;
  const own = (start: number, end: number) => {
    if (!derived.text.slice(start, end).trim()) return;
    rows.push({ kind: 'own', left: [start, end], unsupported: additions.some((x) => x.start < end && start < x.end) });
  };
  for (const p of passages) {
    if (p.from[0] < at) continue;
    own(at, p.from[0]);
    rows.push({ kind: 'reused', left: p.from, right: p.to });
    at = p.from[1];
  }
  own(at, derived.text.length);
  return rows;
}

export function CompareView({ from, to }: { from: string; to: string }) {
  const derived = useLoad(`article:${from}`, () => api.article(from));
  const origin = useLoad(`article:${to}`, () => api.article(to));
  if (derived.state !== 'ok') return <Status of={derived} />;
  if (origin.state !== 'ok') return <Status of={origin} />;
  const d = derived.data;
  const o = origin.data;
  const link = d.links.find((l) => l.from === d.id && l.to === o.id);
  return (
    <section class="compare">
      <p class="crumbs">
        <a href="#/">Stories</a> › {d.story ? <a href={href({ view: 'story', id: d.story, tab: 'graph' })}>graph</a> : null} ›
      </p>
      <h1>Side by side</h1>
      {!link ? (
        <p role="alert">These two articles are not linked as copy and origin.</p>
      ) : (
        <>
          <p class="counts">
            <span class={`pill link ${link.kind}`}>{link.kind}</span> score {link.score.toFixed(2)} · direction {link.direction} · {link.passages.length} reused passage{link.passages.length === 1 ? '' : 's'}
          </p>
          <p class="legend-line">
            <ins>added or changed in the derivative</ins> <del>in the origin, changed or left out</del> <span class="own unsupported sample">unsupported addition</span>
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
            {alignRows(d, link).map((row, i) => (
              <div key={i} class={`row ${row.kind}${row.unsupported ? ' unsupported' : ''}`} role="row">
                {row.kind === 'reused' ? <Passage left={d.text.slice(...row.left)} right={o.text.slice(...row.right!)} /> : <OwnText text={d.text.slice(...row.left)} unsupported={row.unsupported} />}
              </div>
            ))}
          </div>
        </>
      )}
    </section>
  );
}

function Passage({ left, right }: { left: string; right: string }) {
  const parts = diffWords(right, left);
  return (
    <>
      <div role="cell" class="cell">
        {parts.filter((p) => !p.removed).map((p, i) => (p.added ? <ins key={i}>{p.value}</ins> : p.value))}
      </div>
      <div role="cell" class="cell">
        {parts.filter((p) => !p.added).map((p, i) => (p.removed ? <del key={i}>{p.value}</del> : p.value))}
      </div>
    </>
  );
}

function OwnText({ text, unsupported }: { text: string; unsupported?: boolean }) {
  return (
    <>
      <div role="cell" class="cell own">
        {unsupported ? <strong class="flag unsupported">Unsupported addition: </strong> : <strong class="flag">Own text: </strong>}
        {text}
      </div>
      <div role="cell" class="cell empty">not in the origin</div>
    </>
  );
}
