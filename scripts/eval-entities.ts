/**
 * Evaluates entity tagging on CoNLL-2003 English (default the dev split, eng.testa): entity-level exact-match
 * P/R/F1 per type and micro over PER/ORG/LOC (MISC reported apart), for the trained tagger (what the pipeline
 * runs) and for the rule tagger alone with and without the lexicon derived from CoNLL train.
 * Run: npm run eval:entities [-- --split dev|train|test] [-- --file PATH] [-- --model PATH]
 * Error analysis on the TRAIN split (never tune on dev): npm run eval:entities -- --split train --errors ORG
 * prints the most frequent missed (FN) and spurious (FP) surfaces of that type for the trained tagger.
 * `--model` reads another tagger model (one trained on part of train with scripts/train-tagger.ts --holdout).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONLL_TYPE_OF } from '../src/claims/entities-model.js';
import { tagEntities, type TagEntitiesOptions } from '../src/claims/entities.js';
import { useTaggerModel } from '../src/claims/tagger/perceptron.js';
import type { EntityType } from '../src/claims/types.js';
import type { Span } from '../src/core/span.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const DEV_PATH = path.resolve(here, '../../shared/data/conll2003-en/eng.testa');
const TRAIN_PATH = path.resolve(here, '../../shared/data/conll2003-en/eng.train');
const TEST_PATH = path.resolve(here, '../../shared/data/conll2003-en/eng.testb');
/** `--split` names; `--file` takes any other file in the same format. */
const SPLITS: Record<string, string> = { dev: DEV_PATH, train: TRAIN_PATH, test: TEST_PATH };
/** Surfaces listed per error kind by `--errors`. */
const TOP_ERRORS = 60;
/** Published figures for context (on the test split, eng.testb). */
const PUBLISHED = 'Stanford NER CMM 85.5 F1 (test); CoNLL gazetteer baseline 59.6 F1 (test)';

type Tag = 'PER' | 'ORG' | 'LOC' | 'MISC';
const SCORED: Tag[] = ['PER', 'ORG', 'LOC'];
const TAG_OF: Record<EntityType, Tag> = CONLL_TYPE_OF;

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

/** The taggers compared: the trained tagger (what the pipeline runs) and the rule tagger alone, with and without the CoNLL-train lexicon. */
const CONFIGS: Array<{ options: TagEntitiesOptions; label: string }> = [
  { options: {}, label: 'trained tagger (averaged perceptron over CoNLL train, rules and gazetteers as features): what the pipeline runs' },
  { options: { model: false }, label: 'rule tagger alone, with the lexicon derived from CoNLL train (as before the trained tagger)' },
  { options: { model: false, conllLexicon: false }, label: 'rule tagger alone, without that lexicon (hand gazetteers and rules only)' },
];

/** Runs the taggers on a CoNLL-format file (default dev, eng.testa) and returns printable lines. */
export async function evalEntities(file = DEV_PATH): Promise<string[]> {
  const started = performance.now();
  const docs = readConllDocs(file);
  const split = file === DEV_PATH ? 'dev (eng.testa' : `${path.basename(file)} (${file}`;
  const lines = CONFIGS.flatMap((c) => scoreDocs(docs, c.options, c.label, split));
  lines.push(`published: ${PUBLISHED}.`);
  lines.push(`runtime ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return lines;
}

/** Exact-match counts per CoNLL type of the tagger on `docs`. */
function countDocs(docs: Doc[], options: TagEntitiesOptions): Map<Tag, Counts> {
  const counts = new Map<Tag, Counts>(['PER', 'ORG', 'LOC', 'MISC'].map((t) => [t as Tag, { tp: 0, fp: 0, fn: 0 }]));
  for (const doc of docs) {
    const predicted = tagEntities(doc.text, doc.sentences, options).map((m) => ({ start: m.start, end: m.end, tag: TAG_OF[m.type] }));
    const gold = new Set(doc.gold.map((g) => `${g.start}:${g.end}:${g.tag}`));
    const pred = new Set(predicted.map((g) => `${g.start}:${g.end}:${g.tag}`));
    for (const key of pred) counts.get(key.split(':')[2] as Tag)![gold.has(key) ? 'tp' : 'fp']++;
    for (const key of gold) if (!pred.has(key)) counts.get(key.split(':')[2] as Tag)!.fn++;
  }
  return counts;
}

/** F1 per scored type and micro over PER/ORG/LOC on CoNLL dev (for floor tests). */
export function scoreConllDev(options: TagEntitiesOptions = {}): Record<'PER' | 'ORG' | 'LOC' | 'micro', number> {
  const counts = countDocs(readConllDocs(DEV_PATH), options);
  const micro: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const tag of SCORED) for (const k of ['tp', 'fp', 'fn'] as const) micro[k] += counts.get(tag)![k];
  return { PER: prf(counts.get('PER')!).f, ORG: prf(counts.get('ORG')!).f, LOC: prf(counts.get('LOC')!).f, micro: prf(micro).f };
}

function scoreDocs(docs: Doc[], options: TagEntitiesOptions, label: string, split = 'dev (eng.testa'): string[] {
  const counts = countDocs(docs, options);
  const fmt = (n: number) => (100 * n).toFixed(1).padStart(5);
  const lines = [`entities on CoNLL-2003 ${split}, ${docs.length} docs), exact span + type, ${label}`, 'type    P      R      F1     gold'];
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

/** Lists the most frequent missed and spurious surfaces of one CoNLL type (for train-split error analysis). */
function listErrors(docs: Doc[], tag: Tag, options: TagEntitiesOptions): string[] {
  const missed = new Map<string, number>();
  const spurious = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const doc of docs) {
    const predicted = tagEntities(doc.text, doc.sentences, options).map((m) => ({ start: m.start, end: m.end, tag: TAG_OF[m.type] }));
    const key = (g: Span & { tag: Tag }) => `${g.start}:${g.end}:${g.tag}`;
    const gold = new Map(doc.gold.map((g) => [key(g), g]));
    const pred = new Map(predicted.map((g) => [key(g), g]));
    const show = (g: Span & { tag: Tag }, other: Map<string, Span & { tag: Tag }>) => {
      const same = [...other.values()].find((o) => o.start < g.end && g.start < o.end);
      return `${doc.text.slice(g.start, g.end)}  <- ${same ? `${same.tag} "${doc.text.slice(same.start, same.end)}"` : 'none'}`;
    };
    for (const [k, g] of gold) if (g.tag === tag && !pred.has(k)) bump(missed, show(g, pred));
    for (const [k, p] of pred) if (p.tag === tag && !gold.has(k)) bump(spurious, show(p, gold));
  }
  const top = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).slice(0, TOP_ERRORS).map(([s, n]) => `  ${n}\t${s}`);
  return [`missed ${tag} (gold surface <- what we predicted there):`, ...top(missed), `spurious ${tag} (our surface <- gold there):`, ...top(spurious)];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const split = arg('--split') ?? 'dev';
  if (arg('--model')) useTaggerModel(path.resolve(arg('--model')!));
  const errors = arg('--errors') as Tag | undefined;
  const file = arg('--file') ? path.resolve(arg('--file')!) : SPLITS[split];
  if (!file) {
    console.error(`eval-entities: unknown --split ${JSON.stringify(split)} (dev, train or test)`);
    process.exit(2);
  }
  if (!existsSync(file)) {
    console.error(`eval-entities: no CoNLL file at ${file}`);
    process.exit(2);
  }
  if (!errors) for (const line of await evalEntities(file)) console.log(line);
  else {
    // Error analysis reads the trained tagger on the split given (use train: dev is for reporting).
    const docs = readConllDocs(file);
    for (const line of scoreDocs(docs, {}, 'trained tagger', `${path.basename(file)} (${file}`)) console.log(line);
    for (const line of listErrors(docs, errors, {})) console.log(line);
  }
}
