import { describe, expect, it } from 'vitest';
import { makeArticle } from '../core/article.js';
import { compareProfiles, wireCredits } from './compare.js';
import { linkPair } from './links.js';
import { profileArticle } from './profile.js';
import type { ReuseKind } from './types.js';

// A fictional report, written for these tests.
const PARAS = [
  'Heavy snow closed the Varnel mountain pass on Thursday, stranding about 300 lorries on both sides of the border, the regional transport office said.',
  'Snowploughs from the towns of Osterby and Kelmarsh worked through the night, but drifts of up to three metres kept refilling the cleared lanes near the summit tunnel.',
  'Drivers waiting at the Osterby depot said they had been told to expect a delay of at least two days, and that the company canteen had run out of hot food by the evening.',
  'The transport office said a convoy escorted by road crews would try to cross on Friday morning if the wind eased, with priority given to vehicles carrying medicine and fuel.',
  'Weather forecasters expect another 40 centimetres of snow over the weekend, which would make the pass the longest closure since the winter of 2019 when it shut for eleven days.',
  'Local hotels in Kelmarsh offered discounted rooms to stranded drivers, and the town council opened its sports hall as an emergency shelter with camp beds and blankets.',
];
const body = (paras: string[]) => paras.join('\n\n');
const WIRE = 'OSTERBY, Jan 9 (Norpress) — ';

const kindOf = (a: string, b: string) => compareProfiles(profileArticle(makeArticle({ id: 'a', text: a })), profileArticle(makeArticle({ id: 'b', text: b })))?.kind ?? null;

describe('compareProfiles: duplicate, copy and shared-source', () => {
  const original = body(PARAS);
  const rows: [string, string, ReuseKind | null][] = [
    ['the same text with different dashes and spacing', original.replace(/, /g, ' , '), 'duplicate'],
    ['the same text with a credit line added', `${original}\n\nOriginally published by The Kelmarsh Standard. Republished with permission.`, 'duplicate'],
    ['the same text with its paragraphs reordered', body([PARAS[3], PARAS[0], PARAS[5], PARAS[1], PARAS[4], PARAS[2]]), 'duplicate'],
    ['the same text with page chrome added', `Advertisement\n\n${original}\n\nSubscribe to our newsletter for the latest updates.\n\n(Visited 1,204 times, 3 visits today)`, 'copy'],
    ['the text with its last paragraph cut', body(PARAS.slice(0, 5)), 'copy'],
    ['the text with a sentence of its own added', body([...PARAS.slice(0, 3), 'Critics say the pass should have been closed days earlier.', ...PARAS.slice(3)]), 'copy'],
    ['an unrelated text', 'The city orchestra announced its spring season on Monday, with six premieres and a new principal conductor from abroad who will lead the opening concert in March.', null],
  ];
  it.each(rows)('%s', (_name, variant, expected) => {
    expect(kindOf(original, variant)).toBe(expected);
  });

  it('calls two relays of one wire story, each with changes of its own, shared-source', () => {
    const a = WIRE + body([PARAS[0], PARAS[1], PARAS[2], PARAS[3], PARAS[4]]);
    const b = WIRE + body([PARAS[0], PARAS[1].replace('worked through the night', 'worked all night'), PARAS[2], PARAS[3], PARAS[5]]);
    expect(kindOf(a, b)).toBe('shared-source');
  });

  const wireRows: [string, string, ReuseKind][] = [
    ['one relay is the other plus page chrome', `${WIRE}${body(PARAS)}\n\nShare this article: Facebook | Twitter | Email`, 'copy'],
    ['both relays are the same text', WIRE + body(PARAS), 'duplicate'],
  ];
  it.each(wireRows)('does not call a wire story shared-source when %s', (_name, b, expected) => {
    expect(kindOf(WIRE + body(PARAS), b)).toBe(expected);
  });
});

describe('wireCredits: only the article-level credit counts', () => {
  const rows: [string, string, string[]][] = [
    ['a dateline credit in the lead', WIRE + body(PARAS), ['norpress']],
    ['a byline above the lead', `Snow closes pass\n\nBy Norpress\n\n${body(PARAS)}`, ['norpress']],
    // A fact attributed further down, and a dateline quoted inside another body, are not the article's credit.
    ['"Norpress reported" in the third paragraph', body([PARAS[0], PARAS[1], `${PARAS[2].slice(0, -1)}, Norpress reported.`, ...PARAS.slice(3)]), []],
    ['a dateline inside a quoted paragraph', body([PARAS[0], PARAS[1], WIRE + PARAS[2], ...PARAS.slice(3)]), []],
    ['"By Friday," opening a later paragraph', body([PARAS[0], 'By Friday, the queue of lorries had grown to four kilometres along the valley road below the summit.', ...PARAS.slice(1)]), []],
  ];
  it.each(rows)('%s: credits %j', (_name, text, expected) => {
    expect(wireCredits(profileArticle(makeArticle({ id: 'x', text })))).toEqual(expected);
  });
});

describe('direction of undated copies', () => {
  const origin = makeArticle({ id: 'origin', text: body(PARAS) });
  const rows: [string, string][] = [
    ['a copy trimmed at the end (with a reworded sentence)', body([...PARAS.slice(0, 2), PARAS[2].replace('had been told', 'were told'), PARAS[3]])],
    ['a copy padded with a sentence of its own', body([...PARAS.slice(0, 3), 'Critics say the pass should have been closed days earlier, before the lorries set off.', ...PARAS.slice(3)])],
    ['a copy wrapped in reposting chrome', `${body(PARAS)}\n\nRead more: Related stories from our partners`],
  ];
  it.each(rows)('%s is the derivative', (_name, text) => {
    const link = linkPair(profileArticle(makeArticle({ id: 'copy', text })), profileArticle(origin));
    expect(link?.kind).toBe('copy');
    expect([link?.from, link?.to, link?.direction]).toEqual(['copy', 'origin', 'inferred']);
  });

  it('leaves a duplicate without dates or cues undirected', () => {
    const link = linkPair(profileArticle(makeArticle({ id: 'copy', text: body(PARAS) })), profileArticle(origin));
    expect([link?.kind, link?.direction]).toEqual(['duplicate', 'unknown']);
  });

  it('takes publication dates over containment', () => {
    const meta = (publishedAt: string) => ({ publishedAt });
    const early = makeArticle({ id: 'trimmed', text: body(PARAS.slice(0, 4)), meta: meta('2030-01-09T08:00:00Z') });
    const late = makeArticle({ id: 'full', text: body(PARAS), meta: meta('2030-01-09T12:00:00Z') });
    const link = linkPair(profileArticle(early), profileArticle(late));
    expect([link?.from, link?.to, link?.direction]).toEqual(['full', 'trimmed', 'known']);
  });
});

describe('compareProfiles: translation', () => {
  // The snow report above, retold in Russian for these tests: the same names and figures in the same order.
  const russian = [
    'В четверг сильный снегопад закрыл горный перевал Варнел, на обеих сторонах границы застряли около 300 грузовиков, сообщило региональное транспортное управление.',
    'Снегоуборочные машины из городов Остерби и Келмарш работали всю ночь, но сугробы высотой до трёх метров снова засыпали расчищенные полосы у тоннеля.',
    'Водители на складе в Остерби сказали, что им велели ждать не меньше двух дней.',
    'Синоптики ожидают ещё 40 сантиметров снега на выходных; это было бы самое долгое закрытие перевала с зимы 2019 года.',
    'Гостиницы в Келмарше предложили застрявшим водителям скидки, а городской совет открыл спортивный зал как убежище.',
  ].join('\n\n');
  const en = (id: string, text: string) => profileArticle(makeArticle({ id, text, meta: { lang: 'en' } }));
  const ru = (id: string, text: string) => profileArticle(makeArticle({ id, text, meta: { lang: 'ru' } }));

  it('links a retelling in another language that keeps the names and figures', () => {
    expect(compareProfiles(en('a', body(PARAS)), ru('b', russian))?.kind).toBe('translation');
  });

  it('does not link texts in two languages that share only figures', () => {
    const diet = [
      'Диета на 14 дней: потеря веса до 10 кг за 10 дней, меню на каждый день.',
      'В 2019 году диета стала популярной; норма углеводов около 40 граммов в сутки.',
      'За 3 дня организм переходит на жиры, а через 7 дней вес снижается на 2 кг.',
    ].join('\n\n');
    const sports = [
      'The home side won 14-10 on Friday, with 10 points in the final quarter and 40 yards on the last drive.',
      'It was their best start since 2019, with 3 wins in 7 games and 2 shutouts.',
    ].join('\n\n');
    expect(compareProfiles(ru('a', diet), en('b', sports))).toBeNull();
  });
});
