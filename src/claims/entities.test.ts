import { describe, expect, it } from 'vitest';
import { makeArticle } from '../core/article.js';
import { createPipeline } from '../core/pipeline.js';
import { sentencesStage } from '../segment/sentences.js';
import { entitiesFactory, entitiesStage, tagEntities } from './entities.js';
import { isKnownName } from './entities-known.js';

const tag = (text: string) =>
  tagEntities(text).map((m) => [text.slice(m.start, m.end), m.type] as const);

describe('entities: finds and types names', () => {
  const rows: [string, Array<[string, string]>][] = [
    ['Officials in Kyiv met envoys from Warsaw on Tuesday.', [['Kyiv', 'place'], ['Warsaw', 'place']]],
    ['The 3rd Army Corps and the 47th Separate Mechanized Brigade moved east.', [['3rd Army Corps', 'military-unit'], ['47th Separate Mechanized Brigade', 'military-unit']]],
    ['Ships of the Black Sea Fleet left port.', [['Black Sea Fleet', 'military-unit']]],
    ['A Su-34 and two F-16 jets flew past an S-400 battery.', [['Su-34', 'equipment'], ['F-16', 'equipment'], ['S-400', 'equipment']]],
    ['Kyiv asked for more HIMARS launchers.', [['Kyiv', 'place'], ['HIMARS', 'equipment']]],
    ['Seoul may send the Chunmoo-II rocket system.', [['Seoul', 'place'], ['Chunmoo-II', 'equipment']]],
    ['Maria Lopez told Reuters the talks failed.', [['Maria Lopez', 'person'], ['Reuters', 'outlet']]],
    ['The Ministry of Foreign Affairs said nothing.', [['Ministry of Foreign Affairs', 'organisation']]],
    ['Tensions rose, the Kyodo news agency said.', [['Kyodo', 'outlet']]],
    ['Troops gathered in the Belgorod region.', [['Belgorod', 'place']]],
    ['Shelling hit Novopavlivka region villages.', [['Novopavlivka', 'place']]],
    ['The Zarnitsa Institute published a report.', [['Zarnitsa Institute', 'organisation']]],
    ['Pavel Orlov said the plan would work.', [['Pavel Orlov', 'person']]],
    ['J. Smith scored twice.', [['J. Smith', 'person']]],
    ['KESSING, 20 March 2031 — The water began to fall.', [['KESSING', 'place']]],
    ['DUNMORE, March 18 (Norpress) — Residents fled.', [['DUNMORE', 'place'], ['Norpress', 'outlet']]],
    ['The company said in a statement sent to the Herald.', [['Herald', 'outlet']]],
    ['She spoke to the Meridian Herald.', [['Meridian Herald', 'outlet']]],
    ['Water poured through the Calder Gorge Dam overnight.', [['Calder Gorge Dam', 'place']]],
    ['The dam is run by Embervale Hydro, a private firm.', [['Embervale Hydro', 'organisation']]],
  ];
  it.each(rows)('%j', (text, expected) => expect(tag(text)).toEqual(expected));
});

describe('entities: the trained tagger and the rules together', () => {
  const rows: [string, Array<[string, string]>][] = [
    // The tagger finds names no list holds (the rules alone leave both untyped: a sentence opener, a bare company name).
    ['Adeyemi said the deal was off, according to a spokesman for Glencore.', [['Adeyemi', 'person'], ['Glencore', 'organisation']]],
    ['Talks between Okonkwo Adeyemi and the Zambezi Shipping Corporation broke down in Lusaka.', [['Okonkwo Adeyemi', 'person'], ['Zambezi Shipping Corporation', 'organisation'], ['Lusaka', 'place']]],
    // Two names the rules tell apart inside one span stay apart, each with its own type.
    ['NATO Secretary General Mark Rutte spoke in Brussels.', [['NATO', 'organisation'], ['Mark Rutte', 'person'], ['Brussels', 'place']]],
    // A finer rule type wins over the tagger's coarse one.
    ['The War Zone reported that a Su-34 was hit.', [['The War Zone', 'outlet'], ['Su-34', 'equipment']]],
  ];
  it.each(rows)('%j', (text, expected) => expect(tag(text).filter(([, type]) => type !== 'other')).toEqual(expected));

  it('entities: a title-case headline is left to the rules, which count only known names', () => {
    const text = 'Star Striker Suspended For Four Games After Row With Coach\n\nThe club said on Monday that the ban would stand.';
    expect(tag(text).filter(([, type]) => type !== 'other')).toEqual([]);
  });

  it('entities: the rule tagger alone is still there for ablation', () => {
    const text = 'Maria Lopez told Reuters the talks failed.';
    expect(tagEntities(text, undefined, { model: false }).map((m) => m.type)).toEqual(['person', 'outlet']);
  });
});

describe('entities: false positives (must not be entities)', () => {
  const rows: [string, string[]][] = [
    ['On Monday, officials met again in November.', ['Monday', 'November']],
    ['Ukrainian and North Korean soldiers were seen.', ['North Korean soldiers']],
    ['However, the talks went on.', ['However']],
    ['The Russian-occupied town was shelled.', ['Russian-occupied']],
    ['They will be ready by Nov. 1, the source said.', ['Nov.', 'Nov. 1']],
    ['Read more: Related stories', ['Read', 'Related']],
    ['Officials said the COVID-19 rules ended.', ['COVID-19']],
  ];
  it.each(rows)('%j', (text, forbidden) => {
    const found = tag(text).map(([surface]) => surface);
    for (const word of forbidden) expect(found).not.toContain(word);
  });
});

describe('entities: name lists answer only for names', () => {
  it.each(['constructor', 'tostring', 'valueOf', '__proto__'])('%j is no known name', (word) => {
    expect(isKnownName(word)).toBe(false);
  });
});

describe('entities: nationality adjectives', () => {
  it('entities: are untyped mentions (CoNLL MISC), never a person, organisation or place', () => {
    const found = tag('Ukrainian and North Korean soldiers were seen.');
    expect(found).toContainEqual(['Ukrainian', 'other']);
    expect(found).toContainEqual(['North Korean', 'other']);
  });
});

describe('entities: false types (a name, but not of this type)', () => {
  const rows: [string, string, string][] = [
    ['The shout can be translated from Korean via Google Translate as "let\'s do it now."', 'Google Translate', 'person'],
    ['UNESCO, the UN cultural agency, said the site was damaged.', 'UNESCO', 'place'],
    ['Troops held the Command Post near the river.', 'Command Post', 'outlet'],
  ];
  it.each(rows)('%j: %s is not a %s', (text, surface, type) => {
    expect(tag(text)).not.toContainEqual([surface, type]);
  });
});

describe('entities: names, titles and possessives', () => {
  it('entities: strips a possessive to the name', () => {
    expect(tag("Russia's army and Ukraine’s navy")).toEqual([['Russia', 'place'], ['Ukraine', 'place']]);
  });

  it('entities: stores the title apart from the name', () => {
    const text = 'Lt. Gen. Ivan Petrenko and Defense Secretary Anna Kowalski spoke.';
    const mentions = tagEntities(text);
    expect(mentions.map((m) => [text.slice(m.start, m.end), m.type, m.title && text.slice(m.title.start, m.title.end)])).toEqual([
      ['Ivan Petrenko', 'person', 'Lt. Gen.'],
      ['Anna Kowalski', 'person', 'Defense Secretary'],
    ]);
  });

  it('entities: splits an organisation out of a title ("Border Police Chief")', () => {
    const text = "Moldova's Border Police Chief Ion Rusu said so.";
    const mentions = tagEntities(text);
    expect(mentions.map((m) => [text.slice(m.start, m.end), m.type, m.title && text.slice(m.title.start, m.title.end)])).toEqual([
      ['Moldova', 'place', undefined],
      ['Border Police', 'organisation', undefined],
      ['Ion Rusu', 'person', 'Chief'],
    ]);
    expect(mentions[1].key).toBe('border police of moldova');
  });

  it('entities: keeps an outlet name with its "The"', () => {
    expect(tag('He told The Washington Post on Friday.')).toEqual([['The Washington Post', 'outlet']]);
  });

  it('entities: a surname alone takes the type of the full name in the article', () => {
    expect(tag('Tomasz Wrona said the talks failed. Later, Wrona left.')).toEqual([['Tomasz Wrona', 'person'], ['Wrona', 'person']]);
  });

  it('entities: keys an organisation owned through a possessive as "Y of X"', () => {
    const m = tagEntities("Moldova's National Security Service warned.").find((x) => x.type === 'organisation')!;
    expect(m.key).toBe('national security service of moldova');
  });
});

describe('claims/entities stage', () => {
  it('entities: fills the entity layer after sentence segmentation', async () => {
    const corpus = await createPipeline([sentencesStage, entitiesStage]).run([makeArticle({ text: 'Budapest hosted talks. Oslo did not.' })]);
    expect(corpus.articles[0].layers.entity?.map((m) => m.type)).toEqual(['place', 'place']);
  });

  it('entities: the factory can drop untyped names', () => {
    expect(entitiesFactory.options.parse({})).toEqual({ keepOther: true, tagger: 'trained' });
    expect(entitiesFactory.create({ keepOther: false, tagger: 'trained' }).name).toBe('claims/entities');
  });

  it('entities: the factory refuses an unknown tagger, naming the option', () => {
    const parsed = entitiesFactory.options.safeParse({ tagger: 'crf' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].path).toEqual(['tagger']);
  });
});

const tagPlain = (text: string) =>
  tagEntities(text, undefined, { conllLexicon: false }).map((m) => [text.slice(m.start, m.end), m.type] as const);

describe('entities: general cues without the CoNLL lexicon', () => {
  const rows: [string, Array<[string, string]>][] = [
    // Places from the GeoNames gazetteer, including multi-word names whose first word is no name alone.
    ['Talks were held in Tampere on Monday.', [['Tampere', 'place']]],
    ['Flooding hit Porto Alegre on Sunday.', [['Porto Alegre', 'place']]],
    ['She grew up in São Paulo.', [['São Paulo', 'place']]],
    ['He moved to New York in May.', [['New York', 'place']]],
    ['Costa Rica and Jamaica signed the deal.', [['Costa Rica', 'place'], ['Jamaica', 'place']]],
    ['He flew to the U.S. on Monday.', [['U.S.', 'place']]],
    ['TAMPERE 1996-08-22', [['TAMPERE', 'place']]],
    ['BONN 1996-08-22', [['BONN', 'place']]],
    // Organisations: a place plus a name, club and company suffixes, dotted acronyms, cities as teams.
    ['Manchester United won again.', [['Manchester United', 'organisation']]],
    ['Supporters of Werder Bremen cheered loudly after the long match ended.', [['Werder Bremen', 'organisation']]],
    ['The U.S. Treasury said so.', [['U.S. Treasury', 'organisation']]],
    ['The U.N. condemned the attack.', [['U.N.', 'organisation']]],
    ['Marseille beat Nantes 2-0 on Saturday.', [['Marseille', 'organisation'], ['Nantes', 'organisation']]],
    ['Results: Tampere 2 Oulu 1.', [['Tampere', 'organisation'], ['Oulu', 'organisation']]],
    ['Italy beat Spain 2-1 in Rome.', [['Italy', 'place'], ['Spain', 'place'], ['Rome', 'place']]],
    // A name-heavy line with a lowercase verb or several figures is no headline: its names are read.
    ['Todd Woodbridge ( Australia ) beat Sebastien Lareau ( Canada ) 6-3 6-4', [['Todd Woodbridge', 'person'], ['Australia', 'place'], ['Sebastien Lareau', 'person'], ['Canada', 'place']]],
    // Headlines lead the text: after running prose, a line of capitalised names is a list, not a title.
    ['Play was delayed by rain for most of the morning on Friday. Kestrin Valdor, Marek Tolvay (Australia), Osric Pell', [['Kestrin Valdor', 'person'], ['Marek Tolvay', 'person'], ['Australia', 'place'], ['Osric Pell', 'person']]],
    // An unknown one-word name beside a score is a team.
    ['Tranmere 2 Oldham 1', [['Tranmere', 'organisation'], ['Oldham', 'organisation']]],
    // A city that played a match is the club everywhere in the article, but a capitals dateline stays the place.
    ['LEEDS 1996-08-24\nLeeds 2 Chelsea 1\nThe manager of Leeds said the club would appeal.', [['LEEDS', 'place'], ['Leeds', 'organisation'], ['Chelsea', 'organisation'], ['Leeds', 'organisation']]],
    // States field clubs (countries stay places), and beside a score a town of any size ends a club's name.
    ['Texas 5 Minnesota 3', [['Texas', 'organisation'], ['Minnesota', 'organisation']]],
    ['Texas and Ohio voted on Tuesday.', [['Texas', 'place'], ['Ohio', 'place']]],
    ['Fortuna Sittard 2 Vitesse Arnhem 1', [['Fortuna Sittard', 'organisation'], ['Vitesse Arnhem', 'organisation']]],
    // An organisation head alone opening a sentence is a common noun.
    ['Police said the man was held.', []],
    // A two-word name with no given name in a match result is a team.
    ['Sporting Kestrel 2 Athletic Varnley 1', [['Sporting Kestrel', 'organisation'], ['Athletic Varnley', 'organisation']]],
    // A town opening a name makes a club only when it is a big one; small towns share first names.
    ['Martin Damm won in three sets.', [['Martin Damm', 'person']]],
    // A sentence opener read as a verb is the person named in full earlier in the article.
    ['Bob Dole spoke in Ohio. Dole said he would win.', [['Bob Dole', 'person'], ['Ohio', 'place'], ['Dole', 'person']]],
    // Persons after sporting roles.
    ['The squad was named by coach Pia Sundhage.', [['Pia Sundhage', 'person']]],
    ['The goal came from striker Alan Shearer late on.', [['Alan Shearer', 'person']]],
  ];
  it.each(rows)('%j', (text, expected) => expect(tagPlain(text)).toEqual(expected));
});

describe('entities: gazetteer false positives (common words, acronyms, surnames)', () => {
  const rows: [string, string, string][] = [
    ['Police said the Union would strike.', 'Police', 'place'],
    ['Police said the Union would strike.', 'Union', 'place'],
    ['Reading the report, officials frowned.', 'Reading', 'place'],
    ['Split decisions are rare, she said.', 'Split', 'place'],
    ['Nice weather returned to the coast.', 'Nice', 'place'],
    ['Sale of the company was approved.', 'Sale', 'place'],
    ['The NIS said the troops had left.', 'NIS', 'place'],
    ['Officers of the DIU said so.', 'DIU', 'place'],
    ['Greg Norman won the title.', 'Greg Norman', 'organisation'],
    ['J. Crawley made a century.', 'J. Crawley', 'organisation'],
    ['Troops moved toward Kyiv after 3 days.', 'Kyiv', 'organisation'],
  ];
  it.each(rows)('%j: %s is not a %s', (text, surface, type) => {
    expect(tagPlain(text).filter(([s, t]) => s === surface && t === type)).toEqual([]);
  });
});
