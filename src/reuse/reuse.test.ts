import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeArticle, type Article } from '../core/article.js';
import type { Span } from '../core/span.js';
import { runReuseLinks } from './links-stage.js';
import { findQuotes } from './profile.js';
import { DERIVED_KINDS } from './types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const seedsDir = path.resolve(here, '../../../shared/seeds');

function paragraphs(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(/[^\n]+/g)) spans.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  return spans;
}

function loadSeeds(): Article[] {
  const files = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();
  expect(files.length).toBeGreaterThanOrEqual(2);
  return files.map((f) => {
    const text = readFileSync(path.join(seedsDir, f), 'utf8');
    return makeArticle({ id: f.slice(0, 3), text, layers: { paragraph: paragraphs(text) } });
  });
}

describe('reuse/links on the seed articles', () => {
  const articles = loadSeeds();
  const corpus = runReuseLinks({ articles, data: {} });
  const links = corpus.data.links ?? [];
  const derived = links.filter((l) => DERIVED_KINDS.includes(l.kind));

  it('finds 001 as a rewrite of 000 with 000 as the origin', () => {
    const link = derived.find((l) => l.from === '001' && l.to === '000');
    expect(link?.kind).toBe('rewrite');
    expect(link?.direction).not.toBe('unknown');
    expect(link?.passages.length).toBeGreaterThan(0);
  });

  it('links no other seed pair as derived', () => {
    expect(derived.map((l) => `${l.from}->${l.to}`)).toEqual(['001->000']);
  });

  it('puts 000 and 001 in one origin group', () => {
    const group = corpus.data.origins?.find((g) => g.includes('000'));
    expect(group).toContain('001');
  });

  it('flags the quotes 001 adds that no other seed carries as unsupported additions', () => {
    const padded = articles[1];
    const others = articles.filter((a) => a !== padded).map((a) => a.text.toLowerCase());
    const novel = findQuotes(padded.text).filter((q) => {
      const words = padded.text.slice(q.start, q.end).toLowerCase();
      return !others.some((t) => t.includes(words));
    });
    expect(novel.length).toBeGreaterThan(0);
    const additions = padded.data.additions ?? [];
    for (const q of novel) expect(additions.some((a) => a.start <= q.start && q.end <= a.end)).toBe(true);
  });

  it('flags nothing in the origin 000', () => {
    expect(articles[0].data.additions ?? []).toEqual([]);
  });

  it('gives passages with offsets inside both texts', () => {
    const byId = new Map(articles.map((a) => [a.id, a]));
    for (const l of links) {
      for (const p of l.passages) {
        expect(p.from.end).toBeLessThanOrEqual(byId.get(l.from)!.text.length);
        expect(p.to.end).toBeLessThanOrEqual(byId.get(l.to)!.text.length);
        expect(p.from.start).toBeLessThan(p.from.end);
      }
    }
  });
});

describe('reuse/links on bad input', () => {
  const article = (id: string, text: string) => makeArticle({ id, text });
  const boilerplate = 'Subscribe to our newsletter. Share this article. All rights reserved. Cookie policy.';
  const rows: [string, Article[]][] = [
    ['empty texts', [article('a', ''), article('b', '')]],
    ['one-line articles', [article('a', 'Kyiv said on Monday.'), article('b', 'Kyiv said on Monday.')]],
    ['identical boilerplate-only pages', [article('a', boilerplate), article('b', boilerplate), article('c', boilerplate)]],
    ['non-Latin one-liners', [article('a', '基辅周一表示。'), article('b', 'Київ заявив у понеділок.')]],
  ];
  it.each(rows)('%s: no crash and no link', (_name, articles) => {
    const corpus = runReuseLinks({ articles, data: {} });
    expect(corpus.data.links).toEqual([]);
    expect(corpus.data.origins?.length).toBe(articles.length);
  });

  it('links a Cyrillic copy to its origin and a Chinese copy to its origin', () => {
    const uk = 'Міністерство оборони повідомило, що понад дві тисячі військових прибули до району навчань у вівторок. ' +
      'За словами речника, колона техніки рухалася всю ніч, а місцевих жителів попередили про перекриття доріг. ' +
      'Навчання триватимуть до кінця місяця, повідомили в штабі.';
    const zh = '国防部星期二表示，两千多名士兵已经抵达演习地区。发言人说，车队整夜行驶，当地居民已被告知道路封闭。演习将持续到月底，指挥部表示。';
    const corpus = runReuseLinks({
      articles: [article('uk1', uk), article('uk2', `${uk}\nПідписуйтесь на наш канал.`), article('zh1', zh), article('zh2', `${zh}\n欢迎订阅。`)],
      data: {},
    });
    const pairs = (corpus.data.links ?? []).map((l) => [l.from, l.to].sort().join('-')).sort();
    expect(pairs).toEqual(['uk1-uk2', 'zh1-zh2']);
  });
});
