/**
 * The newsroom brief of one story, in Markdown: contested figures with who says what and when, how
 * the figures moved, what rests on one origin, what is unconfirmed, denied or unsupported, what is
 * corroborated, and the story's timeline. Part of `export --format markdown`.
 */
import { excerpt } from '../core/excerpt.js';
import { mdCell, mdInline, mermaidLabel } from './escape.js';
import type { ExportDocument, ExportProposition, ExportPropositionValue, TimelineEntry } from './export-schema.js';

/** Rows of the timeline shown before "… N more". */
const TIMELINE_MAX_ROWS = 40;
/** Longest text in a table cell, in characters. */
const CELL_CHARS = 160;

type Story = ExportDocument['stories'][number];

/** The brief's sections for one story (no story heading: the caller writes it). */
export function renderStoryBrief(story: Story, doc: ExportDocument, name: (articleId: string) => string): string[] {
  const props = doc.propositions.filter((p) => p.story === story.id);
  const out: string[] = [];
  if (!props.length) return out;
  const count = (s: ExportProposition['status']) => props.filter((p) => p.status === s).length;
  out.push(
    `**${props.length} propositions:** ${count('contested')} contested, ${count('single-origin')} single-origin, ${count('unconfirmed')} unconfirmed, ` +
      `${count('denied')} denied, ${count('unsupported')} unsupported, ${count('corroborated')} corroborated.`,
    '',
  );

  const contested = props.filter((p) => p.status === 'contested');
  if (contested.length) {
    out.push('### Contested', '');
    for (const p of contested) {
      out.push(`#### ${mdInline(p.label)}`, '', '| value | who says it | independent origins | reports | first seen | hedges |', '|---|---|---|---|---|---|');
      for (const v of p.values) out.push(valueRow(v));
      out.push('', ...p.reasons.map((r) => `- ${mdInline(r)}`), '');
    }
  }

  const moving = props.filter((p) => p.trajectory.some((t) => t.change === 'update' || t.change === 'rival') && p.trajectory.some((t) => t.date));
  if (moving.length) {
    out.push('### How the figures moved', '');
    for (const p of moving) {
      out.push(`**${mdInline(p.label)}**`, '', '| date | value | who | what changed | article |', '|---|---|---|---|---|');
      for (const t of p.trajectory) {
        out.push(`| ${t.date ?? 'undated'} | ${cell(t.value)} | ${cell(t.speaker ?? t.origin)} | ${t.change} | ${cell(name(t.article))} |`);
      }
      out.push('');
    }
  }

  for (const [status, heading] of [
    ['single-origin', 'Resting on one origin'],
    ['unconfirmed', 'Unconfirmed'],
    ['denied', 'Denied'],
    ['unsupported', 'Unsupported: only in text a copy added'],
    ['corroborated', 'Corroborated by independent origins'],
  ] as const) {
    const group = props.filter((p) => p.status === status);
    if (!group.length) continue;
    out.push(`### ${heading}`, '');
    // Claims a copy added are listed by the article that added them, each once, in its own words.
    const added = status === 'unsupported' ? group.filter((p) => p.kind === 'event') : [];
    for (const p of group.filter((x) => !added.includes(x))) {
      const values = p.values.map((v) => `${mdInline(v.text)} (${mdInline(v.speakers.join('; '))})`).join(' · ');
      out.push(`- **${mdInline(p.label)}** — ${values}. ${mdInline(p.reasons[0] ?? '')}`);
    }
    const byArticle = new Map<string, ExportProposition[]>();
    for (const p of added) {
      const article = p.trajectory[0]?.article ?? '';
      byArticle.set(article, [...(byArticle.get(article) ?? []), p]);
    }
    for (const [article, list] of byArticle) {
      out.push(`- ${mdInline(name(article))} added, with no support anywhere else in the story:`);
      for (const p of list) {
        const named = (p.values[0]?.speakers ?? []).filter((sp) => !sp.endsWith('(unattributed)'));
        out.push(`  - “${mdInline(p.label)}”${named.length ? ` (${mdInline(named.join('; '))})` : ''}`);
      }
    }
    out.push('');
  }

  const timeline = story.timeline ?? [];
  if (timeline.length) out.push('### Timeline', '', ...timelineChart(timeline), '', ...timelineRows(timeline, name), '');
  return out;
}

function valueRow(v: ExportPropositionValue): string {
  const when = v.firstSeen ? (v.lastSeen && v.lastSeen !== v.firstSeen ? `${v.firstSeen} – ${v.lastSeen}` : v.firstSeen) : 'undated';
  const hedges = [...(v.hedges ?? []), ...(v.unsupported ? ['unsupported addition'] : [])].join(', ');
  return `| **${cell(v.text)}** | ${cell(v.speakers.join('; '))} | ${v.origins} | ${v.claims.length} | ${when} | ${cell(hedges)} |`;
}

/** A Mermaid timeline (drawn as a picture by GitHub and most Markdown viewers) of the dated events, by day. */
function timelineChart(entries: readonly TimelineEntry[]): string[] {
  const days = new Map<string, string[]>();
  for (const e of entries.filter((x) => x.kind === 'event').slice(0, TIMELINE_MAX_ROWS)) {
    days.set(e.date, [...(days.get(e.date) ?? []), e.text]);
  }
  if (days.size < 2) return [];
  const lines = ['```mermaid', 'timeline'];
  for (const [day, texts] of days) {
    lines.push(`  ${day} : ${texts.map((t) => mermaidText(t)).join(' : ')}`);
  }
  lines.push('```');
  return lines;
}

function timelineRows(entries: readonly TimelineEntry[], name: (id: string) => string): string[] {
  const rows = ['| date | what | where |', '|---|---|---|'];
  for (const e of entries.slice(0, TIMELINE_MAX_ROWS)) {
    const what = e.kind === 'figure' ? `figure first seen: ${e.text}` : e.text;
    rows.push(`| ${e.date}${e.end ? ` – ${e.end}` : ''} | ${cell(what)} | ${cell(e.articles.map(name).join('; '))} |`);
  }
  if (entries.length > TIMELINE_MAX_ROWS) rows.push(`| … | ${entries.length - TIMELINE_MAX_ROWS} more entries in the JSON export | |`);
  return rows;
}

/** Text from an input, safe inside a Mermaid timeline: no syntax characters (':' separates events), short. */
function mermaidText(text: string): string {
  return mermaidLabel(text).replace(/:/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 60);
}

/** Text for a table cell: escaped and cut to CELL_CHARS. */
export function cell(text: string): string {
  return mdCell(excerpt(text, CELL_CHARS));
}
