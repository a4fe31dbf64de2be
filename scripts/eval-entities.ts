/**
 * Evaluates the entity tagger on the CoNLL-2003 English dev split (eng.testa): entity-level
 * exact-match P/R/F1 per type and micro over PER/ORG/LOC (MISC reported apart).
 * Run: npx tsx scripts/eval-entities.ts
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tagEntities } from '../src/claims/entities.js';
import type { EntityType } from '../src/claims/types.js';
import type { Span } from '../src/core/span.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const DEV_PATH = path.resolve(here, '../../shared/data/conll2003-en/eng.testa');
/** Published figures for context (on the test split, eng.testb). */
const PUBLISHED = 'Stanford NER CMM 85.5 F1 (test); CoNLL gazetteer baseline 59.6 F1 (test)';

type Tag = 'PER' | 'ORG' | 'LOC' | 'MISC';
const SCORED: Tag[] = ['PER', 'ORG', 'LOC'];
const TAG_OF: Record<EntityType, Tag> = {
  person: 'PER',
  organisation: 'ORG',
  outlet: 'ORG',
  'military-unit': 'ORG',
  place: 'LOC',
  equipment: 'MISC',
  other: 'MISC',
};

interface Doc {
  text: string;
  sentences: Span[];
  gold: Array<Span & { tag: Tag }>;
}

/** Reads CoNLL IOB1 documents and rebuilds each as text (tokens joined by spaces, sentences by newlines). */
export function readConllDocs(file: string): Doc[] {
  // The dev file opens with a document that has no -DOCSTART- line.
  let doc: Doc = { text: '', sentences: [], gold: [] };
  const docs: Doc[] = [doc];
  for (const block of readFileSync(file, 'utf8').split(/\n\s*\n/)) {
    let rows = block.split('\n').filter(Boolean).map((l) => l.split(' '));
    if (rows[0]?.[0] === '-DOCSTART-') {
      doc = { text: '', sentences: [], gold: [] };
      docs.push(doc);
      rows = rows.slice(1);
    }
    if (!rows.length) continue;
    if (doc.text) doc.text += '\n';
    const sentStart = doc.text.length;
    let open: (Span & { tag: Tag }) | undefined;
    rows.forEach(([word, , , ner], i) => {
      if (i > 0) doc.text += ' ';
      const start = doc.text.length;
      doc.text += word;
      const tag = ner === 'O' ? undefined : (ner.slice(2) as Tag);
      if (open && (!tag || ner.startsWith('B-') || open.tag !== tag)) {
        doc.gold.push(open);
        open = undefined;
      }
      if (tag) {
        if (open) open.end = doc.text.length;
        else open = { start, end: doc.text.length, tag };
      }
    });
    if (open) doc.gold.push(open);
    doc.sentences.push({ start: sentStart, end: doc.text.length });
  }
  return docs.filter((d) => d.text);
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

function prf(c: Counts): { p: number; r: number; f: number } {
  const p = c.tp / Math.max(1, c.tp + c.fp);
  const r = c.tp / Math.max(1, c.tp + c.fn);
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** Runs the tagger on CoNLL dev (with and without the CoNLL-train lexicon) and returns printable lines. */
export async function evalEntities(): Promise<string[]> {
  const started = performance.now();
  const docs = readConllDocs(DEV_PATH);
  const lines = [
    ...scoreDocs(docs, true, 'with the lexicon derived from CoNLL train (same newswire, same months: optimistic)'),
    ...scoreDocs(docs, false, 'without it (hand gazetteers and rules only: closer to unseen news)'),
  ];
  lines.push(`published: ${PUBLISHED}. A lexicon-and-rules tagger is well below a trained NER model.`);
  lines.push(`runtime ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return lines;
}

function scoreDocs(docs: Doc[], conllLexicon: boolean, label: string): string[] {
  const counts = new Map<Tag, Counts>(['PER', 'ORG', 'LOC', 'MISC'].map((t) => [t as Tag, { tp: 0, fp: 0, fn: 0 }]));
  for (const doc of docs) {
    const predicted = tagEntities(doc.text, doc.sentences, { conllLexicon }).map((m) => ({ start: m.start, end: m.end, tag: TAG_OF[m.type] }));
    const gold = new Set(doc.gold.map((g) => `${g.start}:${g.end}:${g.tag}`));
    const pred = new Set(predicted.map((g) => `${g.start}:${g.end}:${g.tag}`));
    for (const key of pred) counts.get(key.split(':')[2] as Tag)![gold.has(key) ? 'tp' : 'fp']++;
    for (const key of gold) if (!pred.has(key)) counts.get(key.split(':')[2] as Tag)!.fn++;
  }
  const fmt = (n: number) => (100 * n).toFixed(1).padStart(5);
  const lines = [`entities on CoNLL-2003 dev (eng.testa, ${docs.length} docs), exact span + type, ${label}`, 'type    P      R      F1     gold'];
  const micro: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const tag of [...SCORED, 'MISC' as Tag]) {
    const c = counts.get(tag)!;
    const s = prf(c);
    lines.push(`${tag.padEnd(6)} ${fmt(s.p)}  ${fmt(s.r)}  ${fmt(s.f)}  ${c.tp + c.fn}${tag === 'MISC' ? '  (not scored: our equipment/other vs CoNLL MISC)' : ''}`);
    if (SCORED.includes(tag)) for (const k of ['tp', 'fp', 'fn'] as const) micro[k] += c[k];
  }
  const m = prf(micro);
  lines.push(`micro  ${fmt(m.p)}  ${fmt(m.r)}  ${fmt(m.f)}  (PER/ORG/LOC)`);
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await evalEntities()) console.log(line);
}
