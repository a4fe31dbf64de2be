/** Renders the export document as a Markdown report a person can read top to bottom. */
import { excerpt } from '../core/excerpt.js';
import { cell, renderStoryBrief } from './brief.js';
import { mdInline, mermaidLabel } from './escape.js';
import type { ExportArticle, ExportDocument } from './export-schema.js';

/** Longest excerpt of an article or claim shown inline, in characters. */
const EXCERPT_CHARS = 160;

export function renderMarkdown(doc: ExportDocument): string {
  const byId = new Map(doc.articles.map((a) => [a.id, a]));
  const name = (id: string) => articleName(byId.get(id)) ?? id;
  const out: string[] = ['# Triangulate report', ''];
  out.push(`${doc.articles.length} articles, ${doc.stories.length} stories, ${doc.links.length} reuse links, ` +
    `${doc.entities.length} entities, ${doc.claims.length} claims, ${doc.propositions.length} propositions.`, '');

  const stories = doc.stories.length ? doc.stories : [{ id: 'all', label: 'All articles', articles: doc.articles.map((a) => a.id) }];
  for (const story of stories) {
    out.push(`## Story: ${cell(story.label ?? story.id)}`, '');
    const origins = 'origins' in story && story.origins ? story.origins : undefined;
    if (origins) out.push(`Independent origins: **${origins.length}** among ${story.articles.length} articles.`, '');
    // The brief leads: what is contested and on whose word, before the list of sources.
    out.push(...renderStoryBrief(story as ExportDocument['stories'][number], doc, name));
    const links = doc.links.filter((l) => story.articles.includes(l.from));
    if (links.length) {
      out.push('### Who copied whom', '', ...mermaidGraph(story.articles, links, name), '');
      for (const l of links) {
        out.push(`- ${cell(name(l.from))} ← ${cell(name(l.to))}: **${l.kind}** (score ${l.score.toFixed(2)}, direction ${l.direction})`);
      }
      out.push('');
    }
    out.push('### Articles', '', '| article | outlet | published | language | dropped pieces |', '|---|---|---|---|---|');
    for (const id of story.articles) {
      const a = byId.get(id);
      if (!a) continue;
      out.push(`| ${cell(a.title ?? id)} | ${cell(a.site ?? '')} | ${cell(a.published ?? 'unknown')} | ${cell(a.language ?? '?')} | ${a.dropped.length} |`);
    }
    out.push('');
  }

  const additions = doc.articles.filter((a) => a.additions?.length);
  if (additions.length) {
    out.push('## Unsupported additions', '');
    for (const a of additions) {
      for (const add of a.additions!) out.push(`- ${cell(articleName(a) ?? a.id)}: “${cell(a.text.slice(add.start, add.end))}” (${add.reason})`);
    }
    out.push('');
  }

  if (doc.entities.length) {
    out.push('## Entities', '', '| entity | type | aliases | mentions |', '|---|---|---|---|');
    for (const e of [...doc.entities].sort((x, y) => y.mentions.length - x.mentions.length)) {
      out.push(`| ${cell(e.name)} | ${e.type} | ${cell(e.aliases.join(', '))} | ${e.mentions.length} |`);
    }
    out.push('');
  }

  const dropped = doc.articles.filter((a) => a.dropped.length);
  if (dropped.length) {
    out.push('## Dropped boilerplate', '');
    for (const a of dropped) {
      out.push(`### ${mdInline(articleName(a) ?? a.id)}`, '');
      for (const d of a.dropped) out.push(`- \`${d.reason}\`: ${cell(d.text)}`);
      out.push('');
    }
  }
  return out.join('\n');
}

/** A Mermaid flowchart (rendered as a picture by GitHub and most Markdown viewers): origin -> derivative. */
function mermaidGraph(ids: readonly string[], links: ExportDocument['links'], name: (id: string) => string): string[] {
  const node = new Map(ids.map((id, i) => [id, `a${i}`]));
  const lines = ['```mermaid', 'flowchart LR'];
  for (const id of ids) lines.push(`  ${node.get(id)}["${mermaidLabel(excerpt(name(id), EXCERPT_CHARS)).slice(0, 60)}"]`);
  for (const l of links) {
    const from = node.get(l.to);
    const to = node.get(l.from);
    if (from && to) lines.push(`  ${from} -->|${l.kind} ${l.score.toFixed(2)}| ${to}`);
  }
  lines.push('```');
  return lines;
}

function articleName(a: ExportArticle | undefined): string | undefined {
  if (!a) return undefined;
  return a.title ?? a.source.path ?? a.source.url;
}

