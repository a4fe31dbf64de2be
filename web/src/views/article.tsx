/** The article reader: cleaned text with every annotation layer highlighted (legend, toggles), and the dropped boilerplate with reasons. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, type ArticleDetail, type Link } from '../api';
import { pieces, type Mark } from '../highlight';
import { href } from '../router';
import { useLoad } from '../use-load';
import { articleName, safeHref, shortDate } from '../util';
import { Status } from '../components/status';

/** The layers a reader can switch, in legend order: key, label, and how each is described on hover. */
export const LAYERS = [
  { key: 'claim', label: 'Claims' },
  { key: 'entity', label: 'Entities' },
  { key: 'quantity', label: 'Quantities' },
  { key: 'date', label: 'Dates' },
  { key: 'attribution', label: 'Attributions' },
  { key: 'modality', label: 'Hedges' },
  { key: 'addition', label: 'Unsupported additions' },
] as const;
type LayerKey = (typeof LAYERS)[number]['key'];

/** All marks of an article, by layer. */
function marksOf(a: ArticleDetail): Record<LayerKey, Mark[]> {
  const describe = (name: string, attrs: Record<string, unknown>) =>
    `${name}: ${Object.entries(attrs).filter(([k]) => k !== 'id').map(([k, v]) => `${k} ${String(v)}`).join(', ')}`;
  const layer = (name: string, cls: LayerKey): Mark[] => (a.layers[name] ?? []).map((s) => ({ start: s.start, end: s.end, cls, title: describe(name, s.attrs) }));
  return {
    claim: a.claims.map((c) => ({
      start: c.start,
      end: c.end,
      cls: 'claim',
      id: `claim-${c.id}`,
      title: `claim (${c.kind})${c.attribution?.speaker ? `, said by ${c.attribution.speaker}` : ''}${c.hedge ? `, hedged: ${c.hedge}` : ''}${c.unsupported ? ', unsupported addition' : ''}`,
    })),
    entity: layer('entity', 'entity'),
    quantity: layer('quantity', 'quantity'),
    date: layer('date', 'date'),
    attribution: layer('attribution', 'attribution'),
    modality: layer('modality', 'modality'),
    addition: (a.additions ?? []).map((x) => ({ start: x.start, end: x.end, cls: 'addition', title: `unsupported addition: ${x.reason}` })),
  };
}

export function ArticleView({ id, claim }: { id: string; claim?: string }) {
  const article = useLoad(`article:${id}`, () => api.article(id));
  if (article.state !== 'ok') return <Status of={article} />;
  return <Reader a={article.data} claim={claim} />;
}

/** How a reuse link reads from this article's side. */
function linkText(a: ArticleDetail, l: Link, name: (id: string) => string): string {
  const other = name(l.from === a.id ? l.to : l.from);
  if (l.kind === 'shared-source') return `shares a source with “${other}”`;
  return l.from === a.id ? `${l.kind} of “${other}”` : `“${other}” is a ${l.kind} of this article`;
}

function Reader({ a, claim }: { a: ArticleDetail; claim?: string }) {
  const story = useLoad(`story:${a.story}`, () => (a.story ? api.story(a.story) : Promise.resolve(undefined)));
  const names = new Map(story.state === 'ok' && story.data ? story.data.articles.map((x) => [x.id, articleName(x)]) : []);
  const name = (id: string) => names.get(id) ?? id.slice(0, 12);
  const all = useMemo(() => marksOf(a), [a]);
  const [on, setOn] = useState<Record<LayerKey, boolean>>({ claim: true, entity: true, quantity: true, date: true, attribution: false, modality: true, addition: true });
  const [showDropped, setShowDropped] = useState(false);
  const marks = LAYERS.flatMap((l) => (on[l.key] ? all[l.key] : []));
  const parts = pieces(0, a.text.length, marks);
  const url = safeHref(a.source.url);
  useEffect(() => {
    if (!claim) return;
    const el = document.getElementById(`claim-${claim}`);
    el?.scrollIntoView({ block: 'center' });
    el?.classList.add('focused');
  }, [claim, a.id]);
  return (
    <article class="reader">
      <p class="crumbs">
        <a href="#/">Stories</a> › {a.story ? <a href={href({ view: 'story', id: a.story, tab: 'articles' })}>story</a> : 'no story'} ›
      </p>
      <h1>{articleName(a)}</h1>
      <p class="meta">
        {a.site ? <span>{a.site} · </span> : null}
        {a.byline ? <span>{a.byline} · </span> : null}
        <span>published {shortDate(a.published)}</span>
        {url ? <span> · <a href={url} rel="noopener noreferrer nofollow" target="_blank">source</a></span> : a.source.path ? <span> · file {a.source.path.split('/').pop()}</span> : null}
      </p>
      {a.links.length > 0 && (
        <ul class="article-links">
          {a.links.map((l) => (
            <li key={`${l.from}-${l.to}`}>
              {linkText(a, l, name)} — <a href={href({ view: 'compare', from: l.from, to: l.to })}>compare side by side</a>
            </li>
          ))}
        </ul>
      )}
      <fieldset class="legend">
        <legend>Highlight</legend>
        {LAYERS.map((l) => (
          <label key={l.key} class={`toggle hl-${l.key}`}>
            <input type="checkbox" checked={on[l.key]} onChange={(e) => setOn({ ...on, [l.key]: e.currentTarget.checked })} />
            <span class="sample">{l.label}</span> <small>({all[l.key].length})</small>
          </label>
        ))}
      </fieldset>
      <div class="text" lang={a.language ?? undefined}>
        {parts.map((p, i) => {
          const text = a.text.slice(p.start, p.end);
          if (!p.marks.length) return text;
          const opener = p.marks.find((m) => m.id && m.start === p.start);
          return (
            <span key={i} id={opener?.id} class={p.marks.map((m) => `hl-${m.cls}`).join(' ')} title={p.marks.map((m) => m.title).join('\n')}>
              {text}
            </span>
          );
        })}
      </div>
      <section class="dropped" aria-labelledby="dropped-h">
        <h2 id="dropped-h">Dropped as boilerplate ({a.dropped.length})</h2>
        {a.dropped.length > 0 && (
          <button type="button" aria-expanded={showDropped} onClick={() => setShowDropped(!showDropped)}>
            {showDropped ? 'Hide' : 'Show'} dropped pieces
          </button>
        )}
        {showDropped && (
          <ul>
            {a.dropped.map((d, i) => (
              <li key={i}>
                <span class="reason">{d.reason}</span> <q>{d.text}</q>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
