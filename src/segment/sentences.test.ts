import { describe, expect, it } from 'vitest';
import { makeArticle } from '../core/article.js';
import { createPipeline } from '../core/pipeline.js';
import { segmentParagraphs } from './paragraphs.js';
import { segmentSentences, sentencesFactory, sentencesStage } from './sentences.js';

const split = (text: string) => segmentSentences(text).map((s) => text.slice(s.start, s.end));

describe('segment: splits where a sentence ends', () => {
  const rows: [string, string[]][] = [
    ['He left. She stayed.', ['He left.', 'She stayed.']],
    ['Is it true? Nobody knows! Really.', ['Is it true?', 'Nobody knows!', 'Really.']],
    ['"We will win." The minister left.', ['"We will win."', 'The minister left.']],
    ['He said: “It is over.” Then he left.', ['He said: “It is over.”', 'Then he left.']],
    ['Troops moved to the U.S. The move was secret.', ['Troops moved to the U.S.', 'The move was secret.']],
    ['It happened at 3 p.m. The police came.', ['It happened at 3 p.m.', 'The police came.']],
    ['It was founded in 2010. 2024 was a bad year.', ['It was founded in 2010.', '2024 was a bad year.']],
    ['Wait... Then it came.', ['Wait...', 'Then it came.']],
    ['Headline Without A Full Stop\nThe body starts here.', ['Headline Without A Full Stop', 'The body starts here.']],
    ['Budanov: troops arrive Wednesday\n\nThe first units came.', ['Budanov: troops arrive Wednesday', 'The first units came.']],
    ['Items:\n- first item\n- second item', ['Items:', '- first item', '- second item']],
    ['Photo credits: Reuters\n\nNext paragraph.', ['Photo credits: Reuters', 'Next paragraph.']],
    ['He wrote (in a memo.) Then he left.', ['He wrote (in a memo.)', 'Then he left.']],
    ['It works at Apple Inc. The company agreed.', ['It works at Apple Inc.', 'The company agreed.']],
  ];
  it.each(rows)('%j', (text, expected) => expect(split(text)).toEqual(expected));
});

describe('segment: must not split (false-positive table)', () => {
  const rows: string[] = [
    'Lt. Gen. Kyrylo Budanov told reporters.',
    'U.S. officials said so.',
    'U.S. President Joe Biden spoke.',
    'Gov. Smith and Sen. Jones met Dr. Brown.',
    'They will be ready by Nov. 1, he said.',
    'He was ranked No. 5 in the world.',
    'They met in St. Petersburg last week.',
    'George W. Bush and J. R. R. Tolkien were named.',
    'Martin Luther King Jr. Day is a holiday.',
    'It rose 1.5 percent to 3.25 million.',
    'The An-124 landed at 6 a.m. local time.',
    '"Will they come?" he asked.',
    '"It is true," she said.',
    'KYIV (Reuters) — Ukraine said on Monday that troops moved.',
    'Visit example.com for details.',
    'Exports rose e.g. oil and gas.',
    'The U.S.-led coalition struck.',
    'The text was hard wrapped across lines so that\nthe sentence goes on here and still is\nnot finished until this point now.',
  ];
  it.each(rows)('%j', (text) => expect(split(text)).toEqual([text]));
});

describe('segment: paragraphs', () => {
  it('segment: splits paragraphs at blank lines, including whitespace-only lines', () => {
    const text = 'One.\n\nTwo.\n \u00a0\nThree.';
    expect(segmentParagraphs(text).map((s) => text.slice(s.start, s.end))).toEqual(['One.', 'Two.', 'Three.']);
  });

  it('segment: keeps a sentence whole across a paragraph break after "Nov."', () => {
    const text = '"They will be ready on Nov.\n\n1," Lt. Gen. Budanov said.\n\nNext one.';
    expect(split(text)).toEqual(['"They will be ready on Nov.\n\n1," Lt. Gen. Budanov said.', 'Next one.']);
  });

  it('segment: sentences lie inside the text and in order', () => {
    const text = 'A b. C d!\n\nE f? G\nH i.';
    const spans = segmentSentences(text);
    for (let i = 1; i < spans.length; i++) expect(spans[i].start).toBeGreaterThanOrEqual(spans[i - 1].end);
    expect(spans.at(-1)!.end).toBeLessThanOrEqual(text.length);
  });
});

describe('segment/sentences stage', () => {
  it('segment: fills paragraph and sentence layers through a pipeline', async () => {
    const article = makeArticle({ text: 'Title\n\nFirst one. Second one.' });
    const corpus = await createPipeline([sentencesStage]).run([article]);
    expect(corpus.articles[0].layers.paragraph).toHaveLength(2);
    expect(corpus.articles[0].layers.sentence).toHaveLength(3);
  });

  it('segment: factory validates options with defaults', () => {
    expect(sentencesFactory.options.parse({})).toEqual({ reuseParagraphs: true });
    expect(sentencesFactory.create({ reuseParagraphs: false }).name).toBe('segment/sentences');
  });
});
