import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../core/article.js';
import { overlaps, type Span } from '../core/span.js';
import { segmentSentences } from '../segment/sentences.js';
import { createPipeline } from '../core/pipeline.js';
import { extractAttributions, findQuotes, isAnonymous } from './attributions.js';
import { claimsFactories } from './index.js';
import type { AttributionMention } from './types.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../..');
const SEEDS = path.resolve(REPO, '../shared/seeds');

function run(text: string): { text: string; mentions: AttributionMention[] } {
  const article = makeArticle({ text, layers: { sentence: segmentSentences(text) } });
  return { text, mentions: extractAttributions(article) };
}
const show = (text: string, s?: Span) => (s ? text.slice(s.start, s.end) : undefined);

describe('attributions: speaker, cue and channel', () => {
  const rows: [string, { speaker: string; cue: string; via?: string; anonymous?: boolean; direct?: boolean }][] = [
    ['The ministry spokesman told Reuters that the convoy had crossed the border.', { speaker: 'The ministry spokesman', cue: 'told', via: 'Reuters' }],
    ['“The bridge is closed,” said Governor Anna Smith.', { speaker: 'Governor Anna Smith', cue: 'said', direct: true }],
    ['“The bridge is closed,” Governor Anna Smith said.', { speaker: 'Governor Anna Smith', cue: 'said', direct: true }],
    ['According to the port authority, 40 vessels were waiting.', { speaker: 'the port authority', cue: 'According to' }],
    ['Officials who spoke on condition of anonymity said the talks had stalled.', { speaker: 'Officials', cue: 'said', anonymous: true }],
    ['A source in the ministry that spoke to the Kyodo news agency said the deal was close.', { speaker: 'A source in the ministry', cue: 'said', via: 'the Kyodo news agency', anonymous: true }],
    ['In a statement, the Foreign Ministry said the ambassador had been recalled.', { speaker: 'the Foreign Ministry', cue: 'said', via: 'a statement' }],
    ['At a press conference in Berlin, she added that the plan would go ahead.', { speaker: 'she', cue: 'added', via: 'a press conference in Berlin' }],
    ['The flood killed 12 people, local police said.', { speaker: 'local police', cue: 'said' }],
    ['The agency confirmed that two reactors were offline.', { speaker: 'The agency', cue: 'confirmed' }],
    ['Residents say the water is unsafe.', { speaker: 'Residents', cue: 'say' }],
    ['The army chief Maria Lopez denied that troops had fired.', { speaker: 'The army chief Maria Lopez', cue: 'denied' }],
    // A quotation introduced by a colon: the name before it, else the clause's subject.
    ['The result does not surprise the pollster Dana Reyes: “Turnout decides these races.”', { speaker: 'the pollster Dana Reyes', cue: ':', direct: true }],
    ['The mayor then listed three demands: “Water, power and a bridge.”', { speaker: 'The mayor', cue: ':', direct: true }],
    // Evidence verbs with a record as source, or with a that-clause.
    ['Exit polls taken in the capital found that most voters backed the plan.', { speaker: 'Exit polls taken in the capital', cue: 'found' }],
    ['A 2009 study by the institute found that the tax would raise $220 billion.', { speaker: 'A 2009 study by the institute', cue: 'found' }],
    ['The ministry released data suggesting that exports had fallen.', { speaker: 'data', cue: 'suggesting' }],
    ["''The dam will hold,'' Mr. Hale said.", { speaker: 'Mr. Hale', cue: 'said', direct: true }],
    // Subjects the walk now reaches: coordinated names, counts, possessives and participles inside the phrase.
    ['Jeb Bush and Chris Christie say Marco Rubio has not been tested.', { speaker: 'Jeb Bush and Chris Christie', cue: 'say' }],
    ['Six in 10 say he is at least somewhat decisive.', { speaker: 'Six in 10', cue: 'say' }],
    ['Rather, sources close to her campaign say she backs the plan.', { speaker: 'sources close to her campaign', cue: 'say', anonymous: true }],
    ['People briefed on the talks say that the governor has refused.', { speaker: 'People briefed on the talks', cue: 'say' }],
    ['The dam was never at risk, the engineer conceded.', { speaker: 'the engineer', cue: 'conceded' }],
  ];
  it.each(rows)('%s', (input, expected) => {
    const { text, mentions } = run(input);
    const m = mentions.find((x) => show(text, x.cue) === expected.cue);
    expect(m, 'cue found').toBeDefined();
    expect(show(text, m!.speaker)).toBe(expected.speaker);
    if (expected.via) expect(show(text, m!.via)).toBe(expected.via);
    expect(m!.anonymous).toBe(expected.anonymous ?? false);
    expect(m!.direct).toBe(expected.direct ?? false);
  });

  it('attributions: a recurring all-capitals label is a transcript speaker; a single one stays a dateline', () => {
    const transcript = run('HOST: Will the dam hold tonight? GUEST: It will hold until the morning. HOST: And what happens after that? GUEST: Nobody can say for sure.');
    expect(transcript.mentions.map((m) => show(transcript.text, m.speaker))).toEqual(['HOST', 'GUEST', 'HOST', 'GUEST']);
    const dateline = run('WASHINGTON: The Senate passed the bill late on Friday after a long debate.');
    expect(dateline.mentions.filter((m) => m.cueLemma === ':')).toEqual([]);
  });

  it('attributions: a participle continues the outer report of its sentence, not one nested in its content', () => {
    const { text, mentions } = run('The agency added that it expected a second round of sealifts, noting that airlifters were also in use.');
    const noting = mentions.find((m) => show(text, m.cue) === 'noting')!;
    expect(show(text, noting.speaker)).toBe('The agency');
  });

  it('attributions: a colon after a cue of its own is that cue, not a second report', () => {
    const { text, mentions } = run('The governor said: “The bridge is closed until further notice.”');
    expect(mentions.map((m) => show(text, m.cue))).toEqual(['said']);
  });

  it('attributions: a tool or fact that is found is no report ("police found a body")', () => {
    expect(run('Police found a body near the river on Monday.').mentions).toEqual([]);
    expect(run('The ministry released records of the meeting on Monday.').mentions).toEqual([]);
    expect(run('More evacuees are expected by Friday.').mentions).toEqual([]);
    expect(run('North Korea has long maintained close ties with Russia.').mentions).toEqual([]);
    expect(run('The plan was announced by March 1 at the latest.').mentions).toEqual([]);
  });

  it('attributions: links an outlet citing anonymous sources as a chain', () => {
    const { text, mentions } = run('The newspaper reported, citing sources in the navy, that the ship had sunk.');
    const outer = mentions.find((m) => show(text, m.cue) === 'reported')!;
    expect(show(text, outer.speaker)).toBe('The newspaper');
    expect(outer.citing).toBeDefined();
    const cited = mentions[outer.citing!];
    expect(show(text, cited.speaker)).toBe('sources in the navy');
    expect(cited.anonymous).toBe(true);
    expect(show(text, cited.content)).toBe('the ship had sunk');
  });

  it('attributions: takes a quote spanning sentences as the content of the cue after it', () => {
    const { text, mentions } = run('“We will hold the line. Nothing has changed,” the commander said.');
    expect(mentions).toHaveLength(1);
    expect(show(text, mentions[0].content)).toBe('We will hold the line. Nothing has changed');
    expect(mentions[0].direct).toBe(true);
  });

  it('attributions: takes a quote after "X said:" as direct content', () => {
    const { text, mentions } = run('The mayor said: “We are ready.”');
    expect(show(text, mentions[0].content)).toBe('We are ready');
    expect(mentions[0].direct).toBe(true);
  });

  it('attributions: paraphrase content follows "that"', () => {
    const { text, mentions } = run('The minister said that prices would rise in May.');
    expect(show(text, mentions[0].content)).toBe('prices would rise in May');
    expect(mentions[0].direct).toBe(false);
  });
});

describe('attributions: structures beyond "X said"', () => {
  const rows: [string, { cue: string; speaker: string; content?: string; anonymous?: boolean }][] = [
    ['Wilson praised the plan and said the city would recover.', { cue: 'said', speaker: 'Wilson', content: 'the city would recover' }],
    ['Wilson praised the plan and said the city would recover.', { cue: 'praised', speaker: 'Wilson', content: 'the plan' }],
    ['The senator called for an inquiry into the collapse.', { cue: 'called for', speaker: 'The senator' }],
    ['He went on to note that the plan failed.', { cue: 'note', speaker: 'He', content: 'the plan failed' }],
    ['The mayor took to Twitter to say the bridge was safe.', { cue: 'say', speaker: 'The mayor' }],
    ['Barkley, who said he votes, said the mayor was right.', { cue: 'said', speaker: 'Barkley', content: 'he votes' }],
    ['Marta Ilves, a coordinator who runs the shelter, said the beds were full.', { cue: 'said', speaker: 'Marta Ilves' }],
    ['Clara Brenning, 35, the daughter of a fisherman, said the water rose fast.', { cue: 'said', speaker: 'Clara Brenning' }],
    ['Its director, Darius Kolwen, said the search would go on.', { cue: 'said', speaker: 'Darius Kolwen' }],
    ['An official at the ministry, speaking anonymously, claimed that repairs were delayed.', { cue: 'claimed', speaker: 'An official at the ministry', anonymous: true }],
    ['Six newspapers, including the Gazette, said he is not fit to serve.', { cue: 'said', speaker: 'Six newspapers' }],
    ['Halvorsen: The dam was never inspected.', { cue: ':', speaker: 'Halvorsen', content: 'The dam was never inspected' }],
    // A headline's speaker before its audience or occasion, and after a rubric.
    ['Halvorsen to Port Workers: The Dam Will Be Rebuilt.', { cue: ':', speaker: 'Halvorsen', content: 'The Dam Will Be Rebuilt' }],
    ['Former Mayor Ilves at the Council: Nobody inspected the dam.', { cue: ':', speaker: 'Former Mayor Ilves' }],
    ['EXCLUSIVE – Marta Ilves: The beds are full again.', { cue: ':', speaker: 'Marta Ilves' }],
    ['A new poll shows that the governor is trailing.', { cue: 'shows', speaker: 'A new poll', content: 'the governor is trailing' }],
    ['Polls show that most residents want a new dam.', { cue: 'show', speaker: 'Polls' }],
    // Evidence verbs: recordings and papers as sources, a record noun wink reads as a verb, a subject with a participle clause.
    ['A video of the meeting shows the mayor leaving early.', { cue: 'shows', speaker: 'A video of the meeting' }],
    ['Exit polling showed that turnout fell in the valley.', { cue: 'showed', speaker: 'Exit polling' }],
    ['Internal emails showed the board ignoring the warnings.', { cue: 'showed', speaker: 'Internal emails' }],
    // The tagger reaches a record past a participle clause the rules' walk stops at; the speaker is the record's phrase.
    ['A Channel 4 News poll, conducted jointly with Baltic Research, shows Halvorsen with 47 percent.', { cue: 'shows', speaker: 'A Channel 4 News poll' }],
    // A record opening the clause, past post-modifiers the walk stops at.
    ['A Channel 4/Baltic Research poll of Marlow released on Tuesday showed Halvorsen with a 16-point lead.', { cue: 'showed', speaker: 'A Channel 4/Baltic Research poll of Marlow released on Tuesday' }],
    ['The most recent polling in Marlow shows Halvorsen within 5 points.', { cue: 'shows', speaker: 'The most recent polling in Marlow' }],
    ['In a survey released Monday, most residents backed the plan.', { cue: 'In', speaker: 'a survey released Monday', content: 'most residents backed the plan' }],
    // A poll after "in": names with slashes, what places it, and later in the sentence only a poll one can single out.
    ['In a Channel 4/Baltic Research survey last month, 38 percent of voters backed the plan.', { cue: 'In', speaker: 'a Channel 4/Baltic Research survey last month' }],
    ['Halvorsen fell to 10 percent in the latest Baltic Research poll released Wednesday.', { cue: 'in', speaker: 'the latest Baltic Research poll released Wednesday', content: 'Halvorsen fell to 10 percent' }],
    ["The figure rose, according to the battalion's commander, Major Ruth Calloway.", { cue: 'according to', speaker: 'Major Ruth Calloway' }],
    ['Prices rose, according to two former employees who asked not to be named because they still work there.', { cue: 'according to', speaker: 'two former employees who asked not to be named', anonymous: true }],
    ['Turnout fell, according to a Channel 4/Baltic Research poll.', { cue: 'according to', speaker: 'a Channel 4/Baltic Research poll' }],
    ['The figures rose, according to his campaign finance filings.', { cue: 'according to', speaker: 'his campaign finance filings' }],
    ['The mayor spoke for an hour, saying the dam was safe.', { cue: 'saying', speaker: 'The mayor', content: 'the dam was safe' }],
    ['Seventy-four percent of registered voters say they like the plan.', { cue: 'say', speaker: 'Seventy-four percent of registered voters' }],
    ['Nine in 10 voters say the plan works.', { cue: 'say', speaker: 'Nine in 10 voters' }],
    ['Ohio Sen. Ted Marlow said the plan failed.', { cue: 'said', speaker: 'Ohio Sen. Ted Marlow' }],
    ['A report published Wednesday said the dam was safe.', { cue: 'said', speaker: 'A report', anonymous: true }],
    ['Residents believe the water is unsafe.', { cue: 'believe', speaker: 'Residents', content: 'the water is unsafe' }],
    ['The mayor criticized the decision to close the bridge.', { cue: 'criticized', speaker: 'The mayor' }],
    ['The union urged members to stay home.', { cue: 'urged', speaker: 'The union' }],
    ['“We are ready,” she continued.', { cue: 'continued', speaker: 'she', content: 'We are ready' }],
  ];
  it.each(rows)('%s', (input, expected) => {
    const { text, mentions } = run(input);
    const m = mentions.find((x) => show(text, x.cue) === expected.cue && show(text, x.speaker) === expected.speaker);
    expect(m, `cue "${expected.cue}" with speaker "${expected.speaker}" in ${JSON.stringify(mentions.map((x) => [show(text, x.cue), show(text, x.speaker)]))}`).toBeDefined();
    if (expected.content) expect(show(text, m!.content)).toBe(expected.content);
    expect(m!.anonymous).toBe(expected.anonymous ?? false);
  });
});

describe('attributions: false positives', () => {
  const rows: [string, string][] = [
    ['“Everyone said it was over,” he recalled.', 'said'],
    ['The reported deployment has not been verified.', 'reported'],
    ['According to plan, the convoy left at dawn.', 'According to'],
    ['He could not confirm the figure.', 'confirm'],
    ['The claims by the ministry were rejected.', 'claims'],
    ['A video was posted online on Monday.', 'posted'],
    ['The alleged strike hit a depot.', 'alleged'],
    ['A group called the Foundation met on Monday.', 'called'],
    ['Police found a body near the dam.', 'found'],
    ['The flood shows no sign of easing.', 'shows'],
    ['Marlow: 1,769.', ':'],
    ['WASHINGTON: The talks resumed on Monday.', ':'],
    ['Update: The road has reopened.', ':'],
    ['Chaos at the border: Thousands wait in the rain.', ':'],
    ['Halvorsen said to reporters: the dam was never inspected.', ':'],
    ['The candidate has won 758 pledged delegates.', 'pledged'],
    ['A report published Wednesday said the dam was safe.', 'published'],
    ['The mayor continued to interject.', 'continued'],
    ['The search continued.', 'continued'],
    ['He plans to say more.', 'say'],
    ['The governor has a wide lead in the polls.', 'in'],
    ['The governor has a wide lead in national polls.', 'in'],
    ['She said they think the plan will fail.', 'think'],
    ['I know the river well.', 'know'],
    ['Prices rose, according to two employees who asked not to be named.', 'asked'],
    ['It was closed, said he would reopen it.', 'said'],
  ];
  it.each(rows)('no attribution on "%s" (cue %s)', (input, cue) => {
    const { text, mentions } = run(input);
    expect(mentions.filter((m) => show(text, m.cue) === cue)).toEqual([]);
  });

  it('attributions: "who said" gives the antecedent, not "Wednesday" or a pronoun after the cue', () => {
    const { text, mentions } = run('Six newspapers, including the Gazette, said he is not fit to serve.');
    expect(mentions.map((m) => show(text, m.speaker))).not.toContain('he');
  });
});

describe('attributions: helpers', () => {
  it.each([
    ['an anonymous military officer', true],
    ['sources close to the president', true],
    ['the intelligence chief', false],
    ['Defense Minister Ana Ruiz', false],
    ['a senior official', true],
  ] as const)('isAnonymous(%s) is %s', (phrase, expected) => {
    expect(isAnonymous(phrase, { start: 0, end: phrase.length })).toBe(expected);
  });

  it('findQuotes pairs curly and straight quotes', () => {
    const text = 'He said “yes” and "no" today.';
    expect(findQuotes(text).map((q) => text.slice(q.start, q.end))).toEqual(['“yes”', '"no"']);
  });
});

interface GoldSpan extends Span { sha1: string }
interface GoldItem { file: string; speaker: GoldSpan; cue: GoldSpan; via?: GoldSpan; anonymous: boolean; direct: boolean; chain?: boolean }

function checkSpan(text: string, s: GoldSpan): void {
  const hash = createHash('sha1').update(text.slice(s.start, s.end)).digest('hex');
  expect(hash, `gold span ${s.start}-${s.end} matches the seed text`).toBe(s.sha1);
}

describe('attributions: seed gold', () => {
  const gold = JSON.parse(readFileSync(path.join(REPO, 'test/fixtures/gold/attribution/seeds.json'), 'utf8')) as { items: GoldItem[] };
  const byFile = new Map<string, { text: string; mentions: AttributionMention[] }>();
  for (const file of new Set(gold.items.map((g) => g.file))) byFile.set(file, run(readFileSync(path.join(SEEDS, file), 'utf8')));

  it('attributions: finds the hand-annotated cues, speakers, channels and anonymity of the seeds', () => {
    let cues = 0, speakers = 0, vias = 0, viaGold = 0, anon = 0, direct = 0, chains = 0, chainGold = 0;
    for (const g of gold.items) {
      const { text, mentions } = byFile.get(g.file)!;
      checkSpan(text, g.speaker);
      checkSpan(text, g.cue);
      if (g.via) checkSpan(text, g.via);
      const m = mentions.find((x) => overlaps(x.cue, g.cue));
      if (g.via) viaGold++;
      if (g.chain) chainGold++;
      if (!m) continue;
      cues++;
      if (m.speaker && overlaps(m.speaker, g.speaker)) speakers++;
      if (g.via && m.via && overlaps(m.via, g.via)) vias++;
      if (m.anonymous === g.anonymous) anon++;
      if (m.direct === g.direct) direct++;
      if (g.chain && m.citing !== undefined) chains++;
    }
    const n = gold.items.length;
    // Measured: cues 32/32, speakers 32/32, via 10/10, anonymity 32/32, direct 32/32; floors sit slightly under.
    expect(cues / n).toBeGreaterThanOrEqual(0.9);
    expect(speakers / n).toBeGreaterThanOrEqual(0.85);
    expect(vias / viaGold).toBeGreaterThanOrEqual(0.8);
    expect(anon / n).toBeGreaterThanOrEqual(0.85);
    expect(direct / n).toBeGreaterThanOrEqual(0.85);
    expect(chains).toBe(chainGold);
  });
});

describe('attributions: pronoun and role speakers stand for a person named earlier', () => {
  async function refs(text: string): Promise<[string, string | undefined][]> {
    const [article] = (await createPipeline(claimsFactories.map((f) => f.create(f.options.parse({})))).run([makeArticle({ text })])).articles;
    const mentions = (article.layers.attribution ?? []) as AttributionMention[];
    return mentions.map((m) => [show(text, m.speaker)!, show(text, m.speakerRef)]);
  }

  it('attributions: a role learned from an apposition or a title names its person, through an equivalent role word', async () => {
    expect(await refs("Ukraine's foreign minister, Dmytro Kuleba, met reporters in Kyiv. The country's top diplomat said 3,000 soldiers had arrived. He added that more would follow.")).toEqual([
      ["The country's top diplomat", 'Dmytro Kuleba'],
      ['He', 'Dmytro Kuleba'],
    ]);
    expect(await refs('Antony Blinken, the U.S. Secretary of State, arrived on Monday. The secretary said the talks would resume.')).toEqual([['The secretary', 'Antony Blinken']]);
    expect(await refs("Kyrylo Budanov, the head of Ukraine's military intelligence, spoke on Monday. About 11,000 troops were in Kursk, the intelligence chief added.")).toEqual([['the intelligence chief', 'Kyrylo Budanov']]);
  });

  it('attributions: a role with words the person was never given stays unresolved, and "it" is no person', async () => {
    expect(await refs('Foreign Minister Dmytro Kuleba met reporters. The army chief said 300 tanks were lost.')).toEqual([['The army chief', undefined]]);
    expect(await refs('The Times reported the deal. It said talks would resume.')).toEqual([
      ['The Times', undefined],
      ['It', undefined],
    ]);
  });
});
