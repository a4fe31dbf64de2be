/**
 * The shareable report: one self-contained HTML file per export (or per story) with the ledger, each
 * figure's trajectory as an inline SVG chart, the provenance graph as inline SVG, the copies and the
 * timeline. It loads nothing from the network, runs no script, and works from a file:// URL. Every
 * piece of text that came from an input goes through `htmlText` (text nodes and quoted attributes only).
 */
import { htmlText as t } from './escape.js';
import type { ExportDocument, ExportProposition, ExportPropositionValue } from './export-schema.js';
import { STATUS_ORDER } from '../align/stage.js';

type Story = ExportDocument['stories'][number];

/** Chart size in CSS pixels. */
const CHART_W = 560;
const CHART_H = 180;
const CHART_PAD = 36;
/** Graph canvas size. */
const GRAPH_SIZE = 420;
/** Longest article name on the graph, in characters. */
const GRAPH_LABEL_CHARS = 28;
/** Colours for origins and statuses (colour-blind-safe Okabe–Ito palette). */
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
const STATUS_COLOUR: Record<string, string> = {
  contested: '#D55E00',
  'single-origin': '#E69F00',
  unconfirmed: '#777777',
  denied: '#CC79A7',
  unsupported: '#8B0000',
  corroborated: '#009E73',
};

export interface HtmlOptions {
  /** Only this story (an id or its prefix). */
  story?: string;
}

/** Renders the report as one HTML document. */
export function renderHtml(doc: ExportDocument, options: HtmlOptions = {}): string {
  const byId = new Map(doc.articles.map((a) => [a.id, a]));
  const name = (id: string) => byId.get(id)?.title ?? byId.get(id)?.source.path?.split('/').pop() ?? byId.get(id)?.source.url ?? id;
  const stories = doc.stories
    .filter((s) => !options.story || s.id.startsWith(options.story))
    .sort((a, b) => b.articles.length - a.articles.length);
  const claims = new Map(doc.claims.map((c) => [c.id, c]));
  const body = stories.map((s) => renderStory(s, doc, name, claims)).join('\n');
  const title = stories.length === 1 ? stories[0].label ?? stories[0].id : 'Triangulate report';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${t(title)} — Triangulate</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${t(title)}</h1><p>${doc.articles.length} articles · ${stories.length} stor${stories.length === 1 ? 'y' : 'ies'} · ${doc.propositions.filter((p) => stories.some((s) => s.id === p.story)).length} propositions · generated ${t(doc.generatedAt ?? '')} by Triangulate</p></header>
<main>
${body || '<p>No stories in this export.</p>'}
</main>
</body>
</html>
`;
}

function renderStory(story: Story, doc: ExportDocument, name: (id: string) => string, claims: Map<string, ExportDocument['claims'][number]>): string {
  const props = doc.propositions.filter((p) => p.story === story.id);
  const out: string[] = [`<section class="story" id="story-${t(story.id)}">`, `<h2>${t(story.label ?? story.id)}</h2>`];
  out.push(`<p class="counts">${story.articles.length} articles, <strong>${story.origins?.length ?? '?'}</strong> independent origins · ${STATUS_ORDER.map((s) => `<span class="badge" style="background:${STATUS_COLOUR[s]}">${props.filter((p) => p.status === s).length} ${s}</span>`).join(' ')}</p>`);
  out.push('<h3>Ledger</h3>');
  for (const status of STATUS_ORDER) {
    const group = props.filter((p) => p.status === status);
    if (!group.length) continue;
    out.push(`<h4 class="status" style="border-color:${STATUS_COLOUR[status]}">${t(status)} (${group.length})</h4>`);
    for (const p of group) out.push(renderProposition(p, name, claims));
  }
  const links = doc.links.filter((l) => story.articles.includes(l.from) && story.articles.includes(l.to));
  out.push('<h3>Who copied whom</h3>', provenanceGraph(story, links, name));
  if (links.length) {
    out.push('<ul class="links">');
    for (const l of links) out.push(`<li>${t(name(l.from))} ← ${t(name(l.to))}: <strong>${t(l.kind)}</strong> (score ${l.score.toFixed(2)}, direction ${t(l.direction)})</li>`);
    out.push('</ul>');
  }
  const timeline = story.timeline ?? [];
  if (timeline.length) {
    out.push('<h3>Timeline</h3>', '<table class="timeline"><thead><tr><th>date</th><th>what</th><th>where</th></tr></thead><tbody>');
    for (const e of timeline) {
      out.push(`<tr class="${e.kind}"><td>${t(e.date)}${e.end ? ` – ${t(e.end)}` : ''}</td><td>${t(e.kind === 'figure' ? `figure first seen: ${e.text}` : e.text)}</td><td>${t(e.articles.map(name).join('; '))}</td></tr>`);
    }
    out.push('</tbody></table>');
  }
  out.push('</section>');
  return out.join('\n');
}

function renderProposition(p: ExportProposition, name: (id: string) => string, claims: Map<string, ExportDocument['claims'][number]>): string {
  const out = [`<article class="proposition ${t(p.status)}" id="p-${t(p.id)}">`, `<h5>${t(p.label)} <small>${p.origins} origin${p.origins === 1 ? '' : 's'}, ${p.articles} article${p.articles === 1 ? '' : 's'}</small></h5>`];
  out.push('<table><thead><tr><th>value</th><th>who says it</th><th>origins</th><th>reports</th><th>first seen</th><th>hedges</th></tr></thead><tbody>');
  for (const v of p.values) out.push(valueRow(v));
  out.push('</tbody></table>');
  out.push(`<ul class="reasons">${p.reasons.map((r) => `<li>${t(r)}</li>`).join('')}</ul>`);
  const chart = trajectoryChart(p);
  if (chart) out.push(chart);
  // The source sentences, so a reader can check each value where it was written.
  out.push('<details><summary>Source sentences and origin chains</summary><ul class="sources">');
  for (const v of p.values) {
    for (const id of v.claims) {
      const c = claims.get(id);
      if (c) out.push(`<li><span class="value">${t(v.text)}</span> — ${t(name(c.article))} [${c.start}–${c.end}]: <q>${t(c.text.replace(/\s+/g, ' '))}</q></li>`);
    }
    for (const chain of v.originChains) out.push(`<li class="chain">${t(v.text)}: ${t(chain)}</li>`);
  }
  out.push('</ul></details>', '</article>');
  return out.join('\n');
}

function valueRow(v: ExportPropositionValue): string {
  const when = v.firstSeen ? (v.lastSeen && v.lastSeen !== v.firstSeen ? `${v.firstSeen} – ${v.lastSeen}` : v.firstSeen) : 'undated';
  const hedges = [...(v.hedges ?? []), ...(v.unsupported ? ['unsupported addition'] : [])].join(', ');
  return `<tr><td class="value">${t(v.text)}</td><td>${t(v.speakers.join('; '))}</td><td>${v.origins}</td><td>${v.claims.length}</td><td>${t(when)}</td><td>${t(hedges)}</td></tr>`;
}

/** Each dated figure of a proposition as a point over time, one colour per origin: the trajectory as a picture. */
export function trajectoryChart(p: ExportProposition): string | undefined {
  if (p.kind !== 'figure') return undefined;
  const valueOf = new Map(p.values.map((v) => [v.text, v.value]));
  const points = p.trajectory.filter((x) => x.date && valueOf.get(x.value) !== undefined).map((x) => ({ ...x, y: valueOf.get(x.value)!, x: Date.parse(x.date!.length === 10 ? x.date! : `${x.date}-01`) }));
  if (points.length < 2 || new Set(points.map((q) => q.value)).size < 2) return undefined;
  const xs = points.map((q) => q.x);
  const ys = points.map((q) => q.y);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(0, ...ys), Math.max(...ys) * 1.1];
  const px = (x: number) => CHART_PAD + (x1 === x0 ? (CHART_W - 2 * CHART_PAD) / 2 : ((x - x0) / (x1 - x0)) * (CHART_W - 2 * CHART_PAD));
  const py = (y: number) => CHART_H - CHART_PAD + 10 - ((y - y0) / (y1 - y0 || 1)) * (CHART_H - 2 * CHART_PAD);
  const origins = [...new Set(points.map((q) => q.origin))];
  const colour = (o: string) => PALETTE[origins.indexOf(o) % PALETTE.length];
  const parts = [`<figure class="chart"><svg viewBox="0 0 ${CHART_W} ${CHART_H}" width="100%" role="img" aria-label="${t(`trajectory of ${p.label}`)}">`];
  parts.push(`<line x1="${CHART_PAD}" y1="${py(y0)}" x2="${CHART_W - CHART_PAD}" y2="${py(y0)}" class="axis"/>`);
  parts.push(`<text x="4" y="${py(y1 / 1.1) + 4}" class="tick">${t(fmt(y1 / 1.1))}</text><text x="4" y="${py(y0)}" class="tick">${t(fmt(y0))}</text>`);
  parts.push(`<text x="${CHART_PAD}" y="${CHART_H - 4}" class="tick">${t(new Date(x0).toISOString().slice(0, 10))}</text><text x="${CHART_W - CHART_PAD}" y="${CHART_H - 4}" class="tick" text-anchor="end">${t(new Date(x1).toISOString().slice(0, 10))}</text>`);
  for (const o of origins) {
    const mine = points.filter((q) => q.origin === o);
    if (mine.length > 1) parts.push(`<polyline fill="none" stroke="${colour(o)}" stroke-width="1.5" points="${mine.map((q) => `${px(q.x).toFixed(1)},${py(q.y).toFixed(1)}`).join(' ')}"/>`);
    for (const q of mine) parts.push(`<circle cx="${px(q.x).toFixed(1)}" cy="${py(q.y).toFixed(1)}" r="5" fill="${colour(o)}"><title>${t(`${q.date}: ${q.value} — ${q.speaker ?? q.origin} (${q.change})`)}</title></circle>`);
  }
  parts.push('</svg>');
  parts.push(`<figcaption>${origins.map((o) => `<span class="key" style="background:${colour(o)}"></span>${t(o)}`).join(' ')}</figcaption></figure>`);
  return parts.join('');
}

/** Articles on a circle, an arrow from each origin to what derives from it, one colour per independent-origin group. */
function provenanceGraph(story: Story, links: ExportDocument['links'], name: (id: string) => string): string {
  const ids = story.articles;
  const group = new Map<string, number>();
  (story.origins ?? []).forEach((g, i) => g.forEach((id) => group.set(id, i)));
  const r = GRAPH_SIZE / 2 - 70;
  const c = GRAPH_SIZE / 2;
  const pos = new Map(ids.map((id, i) => [id, { x: c + r * Math.cos((2 * Math.PI * i) / ids.length - Math.PI / 2), y: c + r * Math.sin((2 * Math.PI * i) / ids.length - Math.PI / 2) }]));
  const parts = [`<figure class="graph"><svg viewBox="0 0 ${GRAPH_SIZE} ${GRAPH_SIZE}" width="100%" role="img" aria-label="provenance graph"><defs><marker id="arrow" viewBox="0 0 10 10" refX="16" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>`];
  for (const l of links) {
    const a = pos.get(l.to);
    const b = pos.get(l.from);
    if (!a || !b) continue;
    const dashed = l.kind === 'shared-source' ? ' stroke-dasharray="4 3"' : '';
    parts.push(`<line x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${b.x.toFixed(1)}" y2="${b.y.toFixed(1)}" stroke="#555"${dashed} marker-end="url(#arrow)"><title>${t(`${l.kind}: ${name(l.from)} ← ${name(l.to)}`)}</title></line>`);
  }
  for (const id of ids) {
    const p = pos.get(id)!;
    const label = name(id);
    const short = label.length > GRAPH_LABEL_CHARS ? `${label.slice(0, GRAPH_LABEL_CHARS - 1)}…` : label;
    parts.push(`<circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="9" fill="${PALETTE[(group.get(id) ?? 0) % PALETTE.length]}"><title>${t(label)}</title></circle>`);
    parts.push(`<text x="${p.x.toFixed(1)}" y="${(p.y + 22).toFixed(1)}" text-anchor="middle" class="node">${t(short)}</text>`);
  }
  parts.push('</svg><figcaption>Each colour is one independent origin; arrows run from an origin to the article derived from it; dashed lines: both relay one source.</figcaption></figure>');
  return parts.join('');
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

const CSS = `
:root{--fg:#1b1b1b;--muted:#666;--line:#ddd}
*{box-sizing:border-box}
body{font:16px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:var(--fg);margin:0;padding:0 1rem 3rem;max-width:72rem;margin-inline:auto}
header{border-bottom:2px solid var(--fg);margin-bottom:1rem}
h1{font-size:1.6rem;margin:1rem 0 .25rem}h2{font-size:1.35rem;margin-top:2rem}h3{margin-top:1.5rem}
h4.status{border-left:6px solid;padding-left:.5rem;text-transform:uppercase;font-size:.9rem;letter-spacing:.04em}
h5{font-size:1.05rem;margin:.5rem 0}h5 small{color:var(--muted);font-weight:normal}
.badge{color:#fff;border-radius:.75rem;padding:0 .5rem;font-size:.8rem;white-space:nowrap}
.proposition{border:1px solid var(--line);border-radius:.4rem;padding:.5rem .75rem;margin:.5rem 0}
table{border-collapse:collapse;width:100%;font-size:.92rem}th,td{border-bottom:1px solid var(--line);padding:.25rem .4rem;text-align:left;vertical-align:top}
td.value,span.value{font-weight:600;white-space:nowrap}td:nth-child(5){white-space:nowrap}
.reasons{color:#333;font-size:.9rem;margin:.4rem 0}.sources{font-size:.88rem}.chain{color:var(--muted)}
figure{margin:.5rem 0}figcaption{font-size:.8rem;color:var(--muted)}
.key{display:inline-block;width:.8rem;height:.8rem;border-radius:50%;margin:0 .25rem 0 .6rem;vertical-align:middle}
svg .axis{stroke:#999}svg .tick,svg .node{font-size:11px;fill:#333}
.graph{max-width:30rem}.chart{max-width:40rem}
@media (max-width:40rem){body{font-size:15px}table{font-size:.82rem}td,th{padding:.2rem}}
`;
