import { describe, expect, it } from 'vitest';
import { makeArticle, type Article } from '../core/article.js';
import { createPipeline, type Corpus } from '../core/pipeline.js';
import { sentencesStage } from '../segment/sentences.js';
import { entitiesStage } from './entities.js';
import { editDistance, entityIdAt, resolveEntities, resolveEntitiesFactory, resolveEntitiesStage, skeleton, withUniqueIds } from './resolve-entities.js';
import type { EntityMention } from './types.js';

/** Builds an article whose entity layer marks each listed surface (first occurrence) by hand. */
function articleWith(id: string, text: string, marks: Array<[string, EntityMention['type']]>): Article {
  let from = 0;
  const entity = marks.map(([surface, type]) => {
    const start = text.indexOf(surface, from);
    if (start < 0) throw new Error(`"${surface}" not in text`);
    from = start + surface.length;
    return { start, end: start + surface.length, type, key: surface.toLowerCase() };
  });
  return makeArticle({ id, text, layers: { entity } });
}

const idOf = (entities: ReturnType<typeof resolveEntities>, name: string) =>
  entities.find((e) => e.name === name || e.aliases.includes(name))?.id;

describe('resolve-entities: merges mentions of one entity across articles', () => {
  const rows: Array<[string, Array<[string, string, EntityMention['type']]>, string[]]> = [
    ['transliterations of a full name', [['a', 'Oleksandr Syrskyi met troops.', 'person'], ['b', 'Aleksandr Syrsky met troops.', 'person']], ['Oleksandr Syrskyi', 'Aleksandr Syrsky']],
    ['a typo in a given name', [['a', 'Volodymyr Zelensky spoke.', 'person'], ['b', 'Volodmyr Zelensky spoke.', 'person']], ['Volodymyr Zelensky', 'Volodmyr Zelensky']],
    ['a surname alone', [['a', 'Dmytro Kuleba spoke.', 'person'], ['b', 'Kuleba spoke.', 'person']], ['Dmytro Kuleba', 'Kuleba']],
    ['an acronym and its expansion', [['a', 'The Security Service of Ukraine acted.', 'organisation'], ['b', 'The SSU acted.', 'organisation']], ['Security Service of Ukraine', 'SSU']],
    ['a country and its abbreviation', [['a', 'The United Kingdom agreed.', 'place'], ['b', 'The U.K. agreed.', 'place']], ['United Kingdom', 'U.K.']],
  ];
  it.each(rows)('resolve-entities: %s', (_label, arts, names) => {
    const articles = arts.map(([id, text, type]) => articleWith(id, text, [[names[arts.findIndex((x) => x[0] === id)], type]]));
    const entities = resolveEntities(articles);
    expect(new Set(names.map((n) => idOf(entities, n))).size).toBe(1);
    expect(idOf(entities, names[0])).toBeDefined();
  });

  it('resolve-entities: an explicit "Full Name (ACRO)" definition links an acronym with other initials', () => {
    const a = articleWith('a', 'The Main Directorate of Intelligence (HUR) said. Later HUR said more.', [
      ['Main Directorate of Intelligence', 'organisation'],
      ['HUR', 'organisation'],
      ['HUR', 'organisation'],
    ]);
    const entities = resolveEntities([a]);
    expect(entities).toHaveLength(1);
    expect(entities[0]).toMatchObject({ name: 'Main Directorate of Intelligence', aliases: ['HUR'], type: 'organisation' });
    expect(entities[0].mentions).toHaveLength(3);
  });

  it('resolve-entities: "Ukraine\'s Defense Intelligence" and "Defense Intelligence of Ukraine" are one organisation', async () => {
    const run = await createPipeline([sentencesStage, entitiesStage, resolveEntitiesStage]).run([
      makeArticle({ id: 'a', text: "Ukraine's Defense Intelligence said so on Monday." }),
      makeArticle({ id: 'b', text: 'The Defense Intelligence of Ukraine said so on Tuesday.' }),
    ]);
    const org = run.data.entities!.filter((e) => e.type === 'organisation');
    expect(org).toHaveLength(1);
    expect(org[0].name).toBe('Defense Intelligence of Ukraine');
    expect(org[0].mentions.map((m) => m.article)).toEqual(['a', 'b']);
  });
});

describe('resolve-entities: an organisation named by one word of its name in the same article', () => {
  const rows: Array<[string, string, Array<[string, EntityMention['type']]>, string, string]> = [
    ['its last word', 'Portavel United signed him. United paid a record fee.', [['Portavel United', 'organisation'], ['United', 'organisation']], 'Portavel United', 'United'],
    ['the first word of a two-word name, typed other', 'He left Westhaven Rovers. Westhaven lost.', [['Westhaven Rovers', 'organisation'], ['Westhaven', 'other']], 'Westhaven Rovers', 'Westhaven'],
  ];
  it.each(rows)('resolve-entities: %s', (_label, text, marks, full, short) => {
    const entities = resolveEntities([articleWith('a', text, marks)]);
    expect(entities).toHaveLength(1);
    expect(entities[0]).toMatchObject({ name: full, aliases: [short], type: 'organisation' });
  });

  it('resolve-entities: keeps a town apart from a longer institution named after it, and a short form matching two organisations', () => {
    const entities = resolveEntities([
      articleWith('a', 'Averly Polytechnic University said Averly flooded.', [['Averly Polytechnic University', 'organisation'], ['Averly', 'other']]),
      articleWith('b', 'Portavel United beat Kessing United. United won.', [['Portavel United', 'organisation'], ['Kessing United', 'organisation'], ['United', 'organisation']]),
    ]);
    expect(entities.map((e) => e.name).sort()).toEqual(['Averly Polytechnic University', 'Kessing United', 'Portavel United', 'United']);
  });
});

describe('resolve-entities: keeps different entities apart (false merges)', () => {
  const rows: Array<[string, Array<[string, string, EntityMention['type']]>]> = [
    ['full names that differ in surname', [['a', 'Andrii Kovalenko spoke.', 'person'], ['b', 'Andrii Kovalchuk spoke.', 'person']]],
    ['the same spelling with different types', [['a', 'Georgia voted.', 'place'], ['b', 'Georgia voted.', 'person']]],
    ['short look-alike place names', [['a', 'Mali voted.', 'place'], ['b', 'Male voted.', 'place']]],
    ['Korean given names that differ', [['a', 'Kim Jong Un spoke.', 'person'], ['b', 'Kim Jong Il spoke.', 'person']]],
  ];
  it.each(rows)('resolve-entities: %s', (_label, arts) => {
    const articles = arts.map(([id, text, type]) => articleWith(id, text, [[text.split(' ').slice(0, -1).join(' '), type]]));
    expect(resolveEntities(articles)).toHaveLength(2);
  });

  it('resolve-entities: leaves an ambiguous surname unresolved', () => {
    const entities = resolveEntities([
      articleWith('a', 'Anna Shevchenko and Taras Shevchenko met.', [['Anna Shevchenko', 'person'], ['Taras Shevchenko', 'person']]),
      articleWith('b', 'Shevchenko spoke.', [['Shevchenko', 'person']]),
    ]);
    expect(entities).toHaveLength(3);
  });
});

describe('resolve-entities: ids, names and lookup', () => {
  const corpusOf = (articles: Article[]): Corpus => ({ articles, data: { entities: resolveEntities(articles) } });

  it('resolve-entities: ids are stable across runs and input order', () => {
    const a = articleWith('a', 'Ivan Petrenko spoke.', [['Ivan Petrenko', 'person']]);
    const b = articleWith('b', 'Petrenko spoke.', [['Petrenko', 'person']]);
    expect(resolveEntities([a, b])[0].id).toBe(resolveEntities([b, a])[0].id);
  });

  it('resolve-entities: the canonical name is the most complete form', () => {
    const entities = resolveEntities([
      articleWith('a', 'Rutte spoke. Rutte left.', [['Rutte', 'person'], ['Rutte', 'person']]),
      articleWith('b', 'Mark Rutte spoke.', [['Mark Rutte', 'person']]),
    ]);
    expect(entities).toHaveLength(1);
    expect(entities[0]).toMatchObject({ name: 'Mark Rutte', aliases: ['Rutte'] });
  });

  it('resolve-entities: entityIdAt maps a mention or an overlapping span to its entity', () => {
    const a = articleWith('a', 'Dmytro Kuleba spoke in Kyiv.', [['Dmytro Kuleba', 'person'], ['Kyiv', 'place']]);
    const corpus = corpusOf([a]);
    const kuleba = idOf(corpus.data.entities!, 'Dmytro Kuleba');
    expect(entityIdAt(corpus, 'a', { start: 0, end: 13 })).toBe(kuleba);
    expect(entityIdAt(corpus, 'a', { start: 7, end: 20 })).toBe(kuleba);
    expect(entityIdAt(corpus, 'a', { start: 14, end: 19 })).toBeUndefined();
    expect(entityIdAt(corpus, 'zzz', { start: 0, end: 13 })).toBeUndefined();
  });

  it('resolve-entities: the corpus stage writes corpus.data.entities', async () => {
    const out = await resolveEntitiesStage.run({ articles: [articleWith('a', 'Oslo.', [['Oslo', 'place']])], data: {} }, { logger: { info() {}, warn() {} } });
    expect(out.data.entities).toEqual([expect.objectContaining({ name: 'Oslo', type: 'place', aliases: [], mentions: [{ article: 'a', start: 0, end: 4 }] })]);
    expect(resolveEntitiesFactory.create({}).name).toBe('claims/resolve-entities');
  });

  it.each([
    ['Kyrylo', 'Krylo'],
    ['Kyrylo', 'Kirill'],
    ['Zelensky', 'Zelenskyy'],
    ['Volodymyr', 'Wolodymyr'],
    ['Kolven', 'Kolwen'],
  ])('resolve-entities: skeleton("%s") equals skeleton("%s")', (a, b) => expect(skeleton(a)).toBe(skeleton(b)));

  it('resolve-entities: edit distance counts single edits', () => {
    expect(editDistance('budanov', 'budanow')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('resolve-entities: ids', () => {
  it('gives distinct, stable ids to same-named entities that resolution kept apart', () => {
    const make = (article: string) => ({
      id: 'same',
      name: 'Communist Party',
      type: 'organisation' as const,
      aliases: [],
      mentions: [{ article, start: 0, end: 15 }],
    });
    const once = withUniqueIds([make('a'), make('b')]).map((e) => e.id);
    expect(once[0]).toBe('same');
    expect(once[1]).not.toBe('same');
    expect(withUniqueIds([make('a'), make('b')]).map((e) => e.id)).toEqual(once);
  });
});

describe('resolve-entities: other names of states', () => {
  const place = (article: string, text: string, key: string) => {
    const a = makeArticle({ id: article, text });
    a.layers.entity = [{ start: 0, end: text.indexOf(' '), type: 'place', key }];
    return a;
  };
  it.each([
    ['DPRK', 'dprk', 'North Korea', 'north korea'],
    ['U.K.', 'u.k.', 'United Kingdom', 'united kingdom'],
    ['PRC', 'prc', 'China', 'china'],
  ])('"%s" joins "%s" when both are named', (alias, aliasKey, name, key) => {
    const entities = resolveEntities([place('a', `${name.replace(/ /g, '\u00a0')} said.`, key), place('b', `${alias} said.`, aliasKey)]);
    expect(entities).toHaveLength(1);
    expect(entities[0].mentions).toHaveLength(2);
  });

  it('leaves an alias alone when the usual name is absent, and never joins other types', () => {
    const org = makeArticle({ id: 'c', text: 'UK Athletics said.' });
    org.layers.entity = [{ start: 0, end: 11, type: 'organisation', key: 'uk athletics' }];
    expect(resolveEntities([place('a', 'DPRK said.', 'dprk')])).toHaveLength(1);
    expect(resolveEntities([place('a', 'Britain said.', 'britain'), org])).toHaveLength(2);
  });
});
