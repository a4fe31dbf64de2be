/**
 * Scores `findDates` on TempEval-3 TBAQ-cleaned (TimeBank + AQUAINT, the TE3 *training* corpus):
 * relaxed span match on TIMEX3 DATE/TIME and value accuracy / value F1 where the gold value is
 * representable as our from/to/grain, with relaxed (overlap) and strict (exact) spans.
 * Run: `npm run eval:dates` (the dev split of TBAQ-cleaned); `-- --split train|dev|all` picks the split (a fixed
 * hash of each file name puts about 30 % of the documents in dev); `-- --dir DIR` scores every .tml under another
 * folder (TE3 platinum, a split of your own), `-- --file A.tml --file B.tml` those files only (both score every
 * document unless `--split` is given); `-- --misses N` lists N errors of each kind (missed, wrong span, wrong value,
 * spurious) for error analysis: on the train split only, so that dev stays a measure.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { findDates } from '../src/claims/dates.js';
import type { DateMention } from '../src/claims/types.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** TBAQ-cleaned folder, relative to the repository root's sibling `shared` folder. */
export const TEMPEVAL_DIR = path.resolve(HERE, '../../shared/data/timeml-tempeval3/TBAQ-cleaned');
/** Published TE3 Task A value F1 on the TE3 platinum test set (UzZaman et al. 2013, Table 3). */
export const PUBLISHED_VALUE_F1 = { HeidelTime: 77.61, SUTime: 67.38 } as const;

interface GoldTimex {
  start: number;
  end: number;
  type: string;
  value: string;
}

interface Doc {
  name: string;
  dct: string;
  text: string;
  timexes: GoldTimex[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Strips TimeML tags from the TEXT element, keeping TIMEX3 offsets into the plain text. */
export function parseTml(name: string, xml: string): Doc {
  const dct = xml.match(/<DCT>\s*<TIMEX3[^>]*value="([^"]+)"/)?.[1] ?? '';
  const body = xml.match(/<TEXT>([\s\S]*?)<\/TEXT>/)?.[1] ?? '';
  let text = '';
  const timexes: GoldTimex[] = [];
  let open: Omit<GoldTimex, 'end'> | undefined;
  for (const m of body.matchAll(/<(\/?)([A-Z0-9]+)([^>]*)>|&(amp|lt|gt|quot|apos|#\d+);|[^<&]+|[<&]/g)) {
    if (m[2] === 'TIMEX3' && !m[1]) {
      open = { start: text.length, type: m[3].match(/type="([^"]+)"/)?.[1] ?? '', value: m[3].match(/value="([^"]*)"/)?.[1] ?? '' };
    } else if (m[2] === 'TIMEX3' && m[1] && open) {
      timexes.push({ ...open, end: text.length });
      open = undefined;
    } else if (m[2]) {
      // other tags carry no text
    } else if (m[4]) {
      text += m[4].startsWith('#') ? String.fromCharCode(+m[4].slice(1)) : ENTITIES[m[4]];
    } else text += m[0];
  }
  return { name, dct: dct.slice(0, 10), text, timexes };
}

type DayRange = [string, string];

const pad = (n: number) => String(n).padStart(2, '0');
function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
function isoWeekMonday(y: number, w: number): Date {
  const jan4 = new Date(Date.UTC(y, 0, 4));
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000);
  return new Date(monday.getTime() + (w - 1) * 7 * 86_400_000);
}
const day = (d: Date) => d.toISOString().slice(0, 10);

/** Gold TIMEX3 value -> inclusive day range, or undefined when our shape cannot represent it. */
export function goldRange(value: string): DayRange | undefined {
  let m: RegExpMatchArray | null;
  if ((m = value.match(/^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/))) return [`${m[1]}-${m[2]}-${m[3]}`, `${m[1]}-${m[2]}-${m[3]}`];
  if ((m = value.match(/^(\d{4})-(\d{2})$/))) return [`${m[1]}-${m[2]}-01`, `${m[1]}-${m[2]}-${pad(lastDay(+m[1], +m[2]))}`];
  if ((m = value.match(/^(\d{4})$/))) return [`${m[1]}-01-01`, `${m[1]}-12-31`];
  if ((m = value.match(/^(\d{3})$/))) return [`${m[1]}0-01-01`, `${m[1]}9-12-31`];
  if ((m = value.match(/^(\d{4})-W(\d{2})$/))) {
    const monday = isoWeekMonday(+m[1], +m[2]);
    return [day(monday), day(new Date(monday.getTime() + 6 * 86_400_000))];
  }
  if ((m = value.match(/^(\d{4})-Q([1-4])$/))) {
    const q = +m[2];
    return [`${m[1]}-${pad(q * 3 - 2)}-01`, `${m[1]}-${pad(q * 3)}-${pad(lastDay(+m[1], q * 3))}`];
  }
  if ((m = value.match(/^(\d{4})-H([12])$/))) return m[2] === '1' ? [`${m[1]}-01-01`, `${m[1]}-06-30`] : [`${m[1]}-07-01`, `${m[1]}-12-31`];
  return undefined;
}

/** TimeML references to the present, past or future, which our `ref` field carries. */
const GOLD_REFS: Readonly<Record<string, DateMention['ref']>> = { PRESENT_REF: 'present', PAST_REF: 'past', FUTURE_REF: 'future' };

/** True when the gold value can be compared with a mention: a day range or a reference. */
export function representable(value: string): boolean {
  return value in GOLD_REFS || !!goldRange(value);
}

/** True when a mention has the gold value: the same reference, or the same inclusive day range. */
export function valueMatches(value: string, m: DateMention): boolean {
  if (value in GOLD_REFS) return m.ref === GOLD_REFS[value];
  const want = goldRange(value);
  const got = mentionRange(m);
  return !!want && !!got && got[0] === want[0] && got[1] === want[1];
}

/** Our mention -> inclusive day range, or undefined when unresolved. */
export function mentionRange(m: DateMention): DayRange | undefined {
  if (!m.resolved || !m.from || !m.to) return undefined;
  const expand = (iso: string, end: boolean): string => {
    const [y, mo, d] = iso.split('-').map(Number);
    if (d) return iso;
    if (mo) return `${pad4(y)}-${pad(mo)}-${end ? pad(lastDay(y, mo)) : '01'}`;
    return `${pad4(y)}-${end ? '12-31' : '01-01'}`;
  };
  return [expand(m.from, false), expand(m.to, true)];
}
const pad4 = (n: number) => String(n).padStart(4, '0');

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
const pct = (x: number) => (100 * x).toFixed(2);

/** Loads every .tml under `dir` (any depth; TBAQ-cleaned by default); throws when the folder is missing or holds none. */
export function loadTempEval(dir = TEMPEVAL_DIR): Doc[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`TimeML folder missing: ${dir}`);
  const files: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(d, entry.name));
      else if (entry.name.endsWith('.tml')) files.push(path.join(d, entry.name));
    }
  };
  walk(dir);
  if (!files.length) throw new Error(`no .tml files under ${dir}`);
  return loadTmlFiles(files.sort());
}

/** Which documents to score: the tuning part of TBAQ, the held-back part, or every document. */
export type DatesSplit = 'train' | 'dev' | 'all';
export const DATES_SPLITS: readonly DatesSplit[] = ['train', 'dev', 'all'];
/** Share of documents in dev. */
const DEV_SHARE = 0.3;

/**
 * The split a document belongs to, from a hash of its file name alone: the same on every machine and stable when
 * files are added, and by document so that one article's timexes never sit on both sides.
 */
export function datesSplitOf(name: string): 'train' | 'dev' {
  const h = createHash('sha1').update(path.basename(name)).digest().readUInt32BE(0);
  return h / 2 ** 32 < DEV_SHARE ? 'dev' : 'train';
}

/** The documents of one split (`all`: every document). */
export function splitDocs<T extends { name: string }>(docs: readonly T[], split: DatesSplit): T[] {
  return split === 'all' ? [...docs] : docs.filter((d) => datesSplitOf(d.name) === split);
}

/** Loads the given .tml files; throws naming the first one that is missing or has no TEXT element. */
export function loadTmlFiles(files: readonly string[]): Doc[] {
  return files.map((file) => {
    if (!existsSync(file)) throw new Error(`--file ${file}: no such file`);
    const xml = readFileSync(file, 'utf8');
    if (!/<TEXT>/.test(xml)) throw new Error(`--file ${file}: not TimeML (no <TEXT> element)`);
    return parseTml(path.basename(file), xml);
  });
}

export interface DateScores {
  docs: number;
  gold: number;
  predicted: number;
  spanP: number;
  spanR: number;
  spanF1: number;
  valueGold: number;
  excluded: Record<string, number>;
  valueAccuracy: number;
  valueP: number;
  valueR: number;
  valueF1: number;
  /** Exact-span matches: span P/R/F1 and value F1 counting a value right only on an exact span (TE3 "strict"). */
  strictSpanF1: number;
  strictValueP: number;
  strictValueR: number;
  strictValueF1: number;
  /** Per gold or prediction that went wrong, when asked for (`misses`). */
  misses?: DateMiss[];
}

/** One error for the `--misses` listing: a gold timex missed, found with another span or value, or a spurious prediction. */
export interface DateMiss {
  kind: 'missed' | 'span' | 'value' | 'spurious';
  doc: string;
  gold?: string;
  goldValue?: string;
  found?: string;
  foundValue?: string;
  context: string;
}

const showValue = (m: DateMention) => (m.ref ? `${m.ref.toUpperCase()}_REF` : m.resolved ? `${m.from}..${m.to}` : `unresolved ${m.grain}`);

/** Scores findDates on the documents; DURATION/SET gold is ignored (a prediction on one is neither right nor wrong). */
export function scoreDates(docs: Doc[], options: { misses?: boolean } = {}): DateScores {
  const misses: DateMiss[] | undefined = options.misses ? [] : undefined;
  let gold = 0, predicted = 0, spanTpP = 0, spanTpG = 0;
  let valueGold = 0, valuePred = 0, matched = 0, correct = 0, exactSpans = 0, strictCorrect = 0;
  const excluded: Record<string, number> = {};
  for (const doc of docs) {
    const preds = findDates(doc.text, doc.dct);
    const scored = doc.timexes.filter((t) => t.type === 'DATE' || t.type === 'TIME');
    const ignored = doc.timexes.filter((t) => t.type === 'DURATION' || t.type === 'SET');
    const live = preds.filter((p) => scored.some((g) => overlaps(p, g)) || !ignored.some((g) => overlaps(p, g)));
    gold += scored.length;
    predicted += live.length;
    spanTpP += live.filter((p) => scored.some((g) => overlaps(p, g))).length;
    spanTpG += scored.filter((g) => live.some((p) => overlaps(p, g))).length;
    const comparable = scored.filter((g) => {
      const ok = representable(g.value);
      if (!ok) {
        const kind = g.value.replace(/\d/g, '9');
        excluded[kind] = (excluded[kind] ?? 0) + 1;
      }
      return ok;
    });
    const unrepresentable = scored.filter((g) => !representable(g.value));
    valueGold += comparable.length;
    valuePred += live.filter((p) => !unrepresentable.some((g) => overlaps(p, g))).length;
    const used = new Set<DateMention>();
    const around = (s: number, e: number) => doc.text.slice(Math.max(0, s - 60), e + 40).replace(/\s+/g, ' ');
    for (const g of comparable) {
      const p = live.find((x) => !used.has(x) && overlaps(x, g));
      const base = { doc: doc.name, gold: doc.text.slice(g.start, g.end), goldValue: g.value, context: around(g.start, g.end) };
      if (!p) {
        misses?.push({ kind: 'missed', ...base });
        continue;
      }
      used.add(p);
      matched++;
      const found = { found: doc.text.slice(p.start, p.end), foundValue: showValue(p) };
      if (valueMatches(g.value, p)) {
        correct++;
        if (p.start === g.start && p.end === g.end) strictCorrect++;
        else misses?.push({ kind: 'span', ...base, ...found });
      } else misses?.push({ kind: 'value', ...base, ...found });
    }
    for (const p of live) {
      if (!scored.some((g) => overlaps(p, g))) misses?.push({ kind: 'spurious', doc: doc.name, found: doc.text.slice(p.start, p.end), foundValue: showValue(p), context: around(p.start, p.end) });
    }
    exactSpans += scored.filter((g) => live.some((p) => p.start === g.start && p.end === g.end)).length;
  }
  const spanP = predicted ? spanTpP / predicted : 0;
  const spanR = gold ? spanTpG / gold : 0;
  const valueP = valuePred ? correct / valuePred : 0;
  const valueR = valueGold ? correct / valueGold : 0;
  const strictSpanP = predicted ? exactSpans / predicted : 0;
  const strictSpanR = gold ? exactSpans / gold : 0;
  const strictValueP = valuePred ? strictCorrect / valuePred : 0;
  const strictValueR = valueGold ? strictCorrect / valueGold : 0;
  return {
    docs: docs.length, gold, predicted, spanP, spanR, spanF1: f1(spanP, spanR), valueGold, excluded,
    valueAccuracy: matched ? correct / matched : 0, valueP, valueR, valueF1: f1(valueP, valueR),
    strictSpanF1: f1(strictSpanP, strictSpanR), strictValueP, strictValueR, strictValueF1: f1(strictValueP, strictValueR), misses,
  };
}

/** Where the documents come from: a folder of .tml files (TBAQ-cleaned by default) or a list of files. */
export interface EvalDatesOptions {
  dir?: string;
  files?: string[];
  /** Default `dev` on TBAQ, `all` for a folder or files of one's own. */
  split?: DatesSplit;
  /** List this many errors of each kind (missed, span, value, spurious) after the figures; tune on TBAQ only. */
  misses?: number;
}

/** Runs the evaluation and returns the report lines. */
export async function evalDates(options: EvalDatesOptions = {}): Promise<string[]> {
  const started = performance.now();
  const own = !!options.files?.length || !!options.dir;
  const split = options.split ?? (own ? 'all' : 'dev');
  const docs = splitDocs(options.files?.length ? loadTmlFiles(options.files) : loadTempEval(options.dir), split);
  if (!docs.length) throw new Error(`no documents in the ${split} split`);
  const source = options.files?.length ? `${options.files.length} TimeML file(s)` : options.dir ? path.relative(process.cwd(), options.dir) || options.dir : 'TempEval-3 TBAQ-cleaned (TE3 training corpus';
  const label = own ? (split === 'all' ? source : `${source}, ${split} split`) : `${source}, ${split === 'all' ? 'all of it' : `${split} split`}; the rules were tuned on all of TBAQ before the split)`;
  const s = scoreDates(docs, { misses: !!options.misses });
  const excluded = Object.entries(s.excluded).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
  return [
    `dates on ${label} (DCT as reference): ${s.docs} docs, ${s.gold} DATE/TIME timexes, ${s.predicted} predictions`,
    `  relaxed span  P ${pct(s.spanP)}  R ${pct(s.spanR)}  F1 ${pct(s.spanF1)}  (DURATION/SET gold ignored)`,
    `  value (${s.valueGold} representable gold, PRESENT_REF / PAST_REF / FUTURE_REF included)  accuracy on matched ${pct(s.valueAccuracy)}  P ${pct(s.valueP)}  R ${pct(s.valueR)}  F1 ${pct(s.valueF1)}`,
    `  strict (exact span)  span F1 ${pct(s.strictSpanF1)}  value P ${pct(s.strictValueP)}  R ${pct(s.strictValueR)}  F1 ${pct(s.strictValueF1)}`,
    `  excluded gold values: ${excluded || 'none'}`,
    `  published TE3 value F1 (all timex types, TE3 platinum *test* set, not comparable one-to-one): HeidelTime ${PUBLISHED_VALUE_F1.HeidelTime}, SUTime ${PUBLISHED_VALUE_F1.SUTime}`,
    `  time ${((performance.now() - started) / 1000).toFixed(1)} s`,
    ...missLines(s.misses ?? [], options.misses ?? 0),
  ];
}

/** The first `limit` errors of each kind, one line each, input text escaped (JSON strings). */
function missLines(misses: DateMiss[], limit: number): string[] {
  const lines: string[] = [];
  for (const kind of ['missed', 'span', 'value', 'spurious'] as const) {
    const of = misses.filter((m) => m.kind === kind);
    if (!of.length || !limit) continue;
    lines.push(`${kind} (${of.length}):`);
    for (const m of of.slice(0, limit)) {
      const gold = m.gold !== undefined ? `gold ${JSON.stringify(m.gold)}=${m.goldValue}` : '';
      const found = m.found !== undefined ? `found ${JSON.stringify(m.found)}=${m.foundValue}` : '';
      lines.push(`  ${m.doc}  ${[gold, found].filter(Boolean).join('  ')}  | ${JSON.stringify(m.context)}`);
    }
  }
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  Promise.resolve()
    .then(() => {
      const { values } = parseArgs({ options: { dir: { type: 'string' }, file: { type: 'string', multiple: true }, misses: { type: 'string' }, split: { type: 'string' } } });
      const misses = values.misses === undefined ? 0 : Number(values.misses);
      if (!Number.isInteger(misses) || misses < 0) throw new Error(`--misses ${JSON.stringify(values.misses)}: not a whole number`);
      const split = values.split;
      if (split !== undefined && !(DATES_SPLITS as readonly string[]).includes(split)) throw new Error(`--split ${JSON.stringify(split)}: expected one of ${DATES_SPLITS.join(', ')}`);
      return evalDates({ dir: values.dir, files: values.file, misses, split: split as DatesSplit | undefined });
    })
    .then(
      (lines) => console.log(lines.join('\n')),
      (error: unknown) => {
        console.error(`eval-dates: ${(error as Error)?.message ?? String(error)}`);
        process.exitCode = 1;
      },
    );
}
