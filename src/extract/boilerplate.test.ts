import { describe, expect, it } from 'vitest';
import { filterBoilerplate, publisherNamesOf } from './boilerplate.js';
import type { SourceParagraph } from './paragraph.js';

const PROSE = [
  'The regional council approved the new water tariff on Tuesday after a debate that lasted more than four hours in the main hall.',
  'Opposition members said the increase would hit pensioners hardest, while the majority argued that the old pipes could no longer wait.',
  'The tariff takes effect in January and will be reviewed after one year, according to the final text of the decision published online.',
];

function paragraphs(texts: readonly (string | Partial<SourceParagraph> & { text: string })[]): SourceParagraph[] {
  let offset = 0;
  return texts.map((t) => {
    const p = typeof t === 'string' ? { text: t } : t;
    const out = { ...p, start: offset, end: offset + p.text.length };
    offset = out.end + 2;
    return out;
  });
}

/** Runs the filter on prose + line (+ prose when `middle`) and returns the line's reason, if dropped. */
function reasonFor(line: string | (Partial<SourceParagraph> & { text: string }), where: 'middle' | 'end' = 'middle', html = false): string | undefined {
  const list = where === 'middle' ? [PROSE[0], PROSE[1], line, PROSE[2]] : [...PROSE, line];
  const { dropped } = filterBoilerplate(paragraphs(list), { html });
  const text = typeof line === 'string' ? line : line.text;
  return dropped.find((d) => d.text === text)?.reason;
}

describe('boilerplate: furniture is dropped with its reason', () => {
  it.each([
    ['Photo credits: Agency Images', 'boilerplate:photo-credit'],
    ['Photo: Jan Kowal/Getty Images', 'boilerplate:photo-credit'],
    ['(Visited 15 times, 3 visits today)', 'boilerplate:visit-counter'],
    ['Read more:', 'boilerplate:read-more'],
    ['Read also: Ministry publishes draft of the new tariff law', 'boilerplate:read-more'],
    ['Original Source', 'boilerplate:source-link'],
    ['About the author', 'boilerplate:author-box'],
    ['Related:', 'boilerplate:related-list'],
    ['You may also like', 'boilerplate:related-list'],
    ['Leave a comment', 'boilerplate:comments'],
    ['12 Comments', 'boilerplate:comments'],
    ['Share on Facebook Share on Twitter Email', 'boilerplate:share-widget'],
    ['Sign up for our daily newsletter to get the headlines in your inbox.', 'boilerplate:newsletter'],
    ['We use cookies to personalise content. By continuing to use this site you agree to our cookie policy.', 'boilerplate:cookie-notice'],
    ['Tags: water, council, tariffs', 'boilerplate:tags'],
    ['Advertisement', 'boilerplate:ad'],
    ['Become a Patron!', 'boilerplate:donation-appeal'],
    ['Please support our independent journalism: make a donation today so that readers like you keep getting the news.', 'boilerplate:donation-appeal'],
    ['Image 3 of 12', 'boilerplate:ui-label'],
    ['The protesters outside the town hall (Image: Agency)', 'boilerplate:photo-caption'],
  ])('boilerplate: %j -> %s', (line, reason) => expect(reasonFor(line)).toBe(reason));

  it('boilerplate: a short caption above a photo credit is a caption', () => {
    const { dropped } = filterBoilerplate(paragraphs([PROSE[0], 'A tank crew near the river in August 2024.', 'Photo credits: Agency', PROSE[1]]));
    expect(dropped.map((d) => d.reason)).toEqual(['boilerplate:photo-caption', 'boilerplate:photo-credit']);
  });

  it('boilerplate: an unterminated sentence-case line between prose paragraphs is a caption', () => {
    expect(reasonFor('A copy of the permit the drivers received at the depot, listing their routes and shift times')).toBe('boilerplate:photo-caption');
  });

  it('boilerplate: a dateline at the top is dropped, the same shape in the middle of a schedule is kept', () => {
    expect(filterBoilerplate(paragraphs(['Published: 10:48, Tue, Nov 19, 2019', ...PROSE])).dropped[0]?.reason).toBe('boilerplate:dateline');
    const schedule = ['Round 1: 10 March – Northfield', 'Round 2: 8 April – Southgate', 'Round 3: 22 April – Eastport', 'Round 4: 6 May – Westbury'];
    expect(filterBoilerplate(paragraphs([...PROSE, ...schedule, ...PROSE])).dropped).toEqual([]);
  });

  it('boilerplate: a header of other stories takes the run of unrelated headlines under it', () => {
    const { dropped, kept } = filterBoilerplate(
      paragraphs([...PROSE, 'Popular posts from this blog', 'Famous Singer Opens Bakery In Her Home Town', 'Ten Gadgets You Need For The Summer Holidays']),
    );
    expect(dropped.map((d) => d.reason)).toEqual(['boilerplate:related-list', 'boilerplate:headline-list', 'boilerplate:headline-list']);
    expect(kept).toHaveLength(3);
  });

  it('boilerplate: several appeal paragraphs go together', () => {
    const appeal = [
      'You could close this page now. Or you could join our community and help us produce more reporting like this.',
      'Our small team depends on readers like you.',
      'Become a patron or see other ways to support.',
    ];
    const { dropped } = filterBoilerplate(paragraphs([...PROSE, ...appeal]));
    expect(dropped.map((d) => d.reason)).toEqual(appeal.map(() => 'boilerplate:donation-appeal'));
  });

  it('boilerplate: HTML captions and link lists use structure', () => {
    expect(reasonFor({ text: 'Crowds at the harbour on Saturday', inFigure: true }, 'middle', true)).toBe('boilerplate:photo-caption');
    expect(reasonFor({ text: 'Council budget explained in five charts', linkDensity: 1 }, 'middle', true)).toBe('boilerplate:link-list');
  });

  it('boilerplate: offsets of dropped pieces point into the pre-filter text', () => {
    const list = paragraphs([PROSE[0], 'Advertisement', PROSE[1]]);
    const joined = list.map((p) => p.text).join('\n\n');
    const { dropped } = filterBoilerplate(list);
    expect(joined.slice(dropped[0].start, dropped[0].end)).toBe('Advertisement');
  });
});

describe('boilerplate: false positives (real paragraphs that mention furniture words are kept)', () => {
  it.each([
    'The source did not provide any photo or video evidence of this information.',
    'Photographers were kept away from the site, and the ministry released a single photo of the damaged bridge on Monday evening.',
    'The United States said it would continue to support Ukraine with air defence systems and artillery shells through the winter.',
    'Related incidents were reported in two other border villages, where residents said drones had flown low over their houses at night.',
    'Comments by the defence minister on Sunday suggested that the troops could be deployed within weeks, not months.',
    'Readers who subscribe to the agency wire received the statement an hour before it was published on the website.',
    'Donations to the relief fund reached 2 million euros in the first week, the charity said, most of it from small private gifts.',
    'Read the full statement carefully and you will see that the ministry never denied the report, an analyst told the newspaper.',
    'About the author of the leaked memo, officials said only that he had worked in the planning department for several years.',
    'Share prices of the two defence companies rose by more than 5 percent after the announcement.',
    'Original estimates put the number of soldiers at 3,000, but later reports suggested the figure was closer to 12,000.',
    'Visited by the president in June, the factory has since doubled its output of artillery shells, according to the governor.',
  ])('boilerplate keeps: %j', (line) => {
    expect(reasonFor(line, 'middle')).toBeUndefined();
    expect(reasonFor(line, 'end')).toBeUndefined();
  });

  it('boilerplate keeps the article\'s own short subheadings that share its vocabulary', () => {
    const { dropped } = filterBoilerplate(paragraphs([...PROSE, 'Tariff review next year', 'Pensioners and the council']));
    expect(dropped).toEqual([]);
  });
});

describe('boilerplate: teaser cards of other stories', () => {
  const card = (i: number) => ['Local News', 'Staff Writer', `Blurb number ${i}: the harbour board met again on Friday to discuss the new ferry timetable for the winter months.`];
  const rail = [1, 2, 3].flatMap(card);

  it('teaser-cards: a rail of repeated section/author cards after the article is dropped with its header', () => {
    const { kept, dropped } = filterBoilerplate(paragraphs([...PROSE, 'More From Us', ...rail]));
    expect(kept.map((p) => p.text)).toEqual(PROSE);
    expect(dropped.filter((d) => d.reason === 'boilerplate:teaser-cards')).toHaveLength(rail.length);
  });

  it('teaser-cards: an interview whose speaker lines repeat keeps every answer', () => {
    const interview = [1, 2, 3].flatMap((i) => ['Reporter', `Question ${i} about the ferry timetable and what it means for the island residents?`, 'Mayor', `Answer ${i}: we will keep the morning crossing and add a late boat on Fridays.`]);
    const { kept } = filterBoilerplate(paragraphs([...PROSE, ...interview]));
    expect(kept.map((p) => p.text)).toEqual([...PROSE, ...interview]);
  });

  it('teaser-cards: a listing page made of cards from the top is left alone', () => {
    const { kept } = filterBoilerplate(paragraphs(rail));
    expect(kept).toHaveLength(rail.length);
  });
});

describe('publisher-bio: a press release ends with the publisher describing itself', () => {
  const bio = 'Acme is a global provider of alarm management solutions for hospitals, with offices in fifteen countries and about 1,300 employees worldwide.';
  const more = 'Acme is headquartered in Baar, Switzerland, and its shares are listed on the SIX Swiss Exchange in Zurich.';

  it('drops the trailing paragraphs that open with the name of the site the page is on', () => {
    const { dropped } = filterBoilerplate(paragraphs([...PROSE, bio, more]), { html: true, publisherNames: publisherNamesOf('https://www.acme.com/news/release.html') });
    expect(dropped.map((d) => [d.text, d.reason])).toEqual([[bio, 'boilerplate:author-box'], [more, 'boilerplate:author-box']]);
  });

  it('keeps the same paragraphs on another site, in the middle of the text, and a short credit line', () => {
    const elsewhere = filterBoilerplate(paragraphs([...PROSE, bio]), { html: true, publisherNames: publisherNamesOf('https://news.example.org/a') });
    expect(elsewhere.dropped).toEqual([]);
    const names = publisherNamesOf('https://acme.com/a');
    expect(filterBoilerplate(paragraphs([PROSE[0], bio, PROSE[1], PROSE[2]]), { html: true, publisherNames: names }).dropped).toEqual([]);
    expect(filterBoilerplate(paragraphs([...PROSE, 'Acme staff contributed to this report.']), { html: true, publisherNames: names }).dropped).toEqual([]);
  });
});

describe('kicker-rail: cards of other stories under capitals kickers end the text', () => {
  const card = (kicker: string, headline: string, blurb: string) => [kicker, { text: headline, linkDensity: 1 }, blurb];
  const rail = [
    ...card('LIFE AFTER FEDERER', 'The Future Of Men\'s Tennis', 'Three young players have taken the biggest titles this season and the crowds have followed them from court to court.'),
    ...card('FAR OUT, MAN', 'The Most Remote Places, Visualized', 'Mapping travel time to the nearest city shows how few places on earth are truly distant from people.'),
    ...card('DEATH BY TRAIN', 'What Engineers Live With', 'Almost half of engineers have operated a train that killed someone on the tracks, and many suffer nightmares afterwards.'),
  ];

  it('drops the rail with its headlines and blurbs', () => {
    const { kept } = filterBoilerplate(paragraphs([...PROSE, ...rail]), { html: true });
    expect(kept.map((p) => p.text)).toEqual(PROSE);
  });

  it('leaves cards that hold most of the text alone (a promotion page made of labelled sections)', () => {
    expect(filterBoilerplate(paragraphs([PROSE[0], ...rail]), { html: true }).kept.map((p) => p.text)).toContain(rail[2]);
  });

  it('keeps capitals subheadings whose sections speak of the article, and a rail of only two cards', () => {
    const sections = [
      'WATER TARIFF', 'The council said the tariff would be reviewed after one year, when the pipes of the main hall are replaced.',
      'PENSIONERS', 'Opposition members repeated that pensioners would pay the increase hardest, as the debate in the hall went on.',
      'NEXT STEPS', 'The decision published online says the tariff takes effect in January after the council approved it.',
    ];
    expect(filterBoilerplate(paragraphs([...PROSE, ...sections]), { html: true }).dropped).toEqual([]);
    const two = rail.slice(3);
    expect(filterBoilerplate(paragraphs([...PROSE, ...two]), { html: true }).kept.map((p) => p.text)).toContain(two[2]);
  });
});

describe('boilerplate: a listing keeps the linked entries the block model reads as main text', () => {
  const entries = [
    { text: 'County tutoring pilot shows gains (example.org)', linkDensity: 0.8, modelMain: true },
    { text: '12 points by reader 3 hours ago | 4 comments', linkDensity: 0.7, modelMain: true },
    { text: 'More', linkDensity: 1 },
  ];
  it('on a listing page linked lines the model keeps stay, others go', () => {
    const { kept } = filterBoilerplate(paragraphs(entries), { html: true, listing: true });
    expect(kept.map((p) => p.text)).toEqual(entries.slice(0, 2).map((e) => e.text));
  });
  it('elsewhere a linked line that is neither a list item nor a heading goes', () => {
    const { kept } = filterBoilerplate(paragraphs(entries), { html: true });
    expect(kept).toEqual([]);
  });
});
