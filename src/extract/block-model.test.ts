import { describe, expect, it } from 'vitest';
import { blockMarks } from './block-features.js';
import { applyBlockModel, chooseBlocks } from './block-model.js';
import { parseHtmlDocument, type DomElement } from './dom.js';
import { readPageBlocks } from './extract.js';
import { collectHtmlParagraphs } from './html-paragraphs.js';
import type { MainContent } from './main-content.js';
import type { SourceParagraph } from './paragraph.js';

const posts = [
  'My heat pump keeps short cycling in cold weather, running for four minutes and stopping for six. The installer says that is normal, but the bills went up by a third since December.',
  'Short cycling like that usually means the unit is oversized for the house or the thermostat sits too close to a supply vent. Check where the thermostat is mounted first, since moving it is cheap.',
  'We had the same thing with ours. The fix was a firmware update for the outdoor unit, which changed the minimum run time. Ask the installer whether your model has one available.',
  'Also look at the defrost cycle settings. In very cold and humid weather the unit defrosts often, and each defrost looks like a short cycle from inside the house.',
];

/** A thread's page blocks: navigation, then linked user names and posts, then the footer. */
function threadBlocks(): SourceParagraph[] {
  let offset = 0;
  const block = (text: string, extra: Partial<SourceParagraph>): SourceParagraph => {
    const p = { text, start: offset, end: offset + text.length, linkDensity: 0, ...extra };
    offset = p.end + 2;
    return p;
  };
  return [
    block('Home Forums Log in', { linkDensity: 1, marks: ['t:header', 't:nav'] }),
    ...posts.flatMap((text, i) => [block(`member${i}`, { linkDensity: 1, marks: ['w:post', 'w:user'] }), block(text, { marks: ['w:post', 'w:message'] })]),
    block('Privacy Policy Terms', { linkDensity: 1, marks: ['t:footer'] }),
  ];
}

/** The cascade kept the first post only, as Readability does on threads whose posts sit in separate containers. */
function firstPostPick(blocks: readonly SourceParagraph[]): MainContent {
  return { attempt: '1:readability', paragraphs: [{ ...blocks[2], start: 0, end: blocks[2].text.length }], why: '' };
}

describe('extract: block model', () => {
  it('block model: on a thread where the cascade kept one post, keeps every post and leaves out navigation and footer', () => {
    const blocks = threadBlocks();
    const content = applyBlockModel(firstPostPick(blocks), blocks, false);
    expect(content.attempt).toBe('8:block-model');
    const texts = content.paragraphs.map((p) => p.text);
    for (const post of posts) expect(texts).toContain(post);
    expect(texts).not.toContain('Home Forums Log in');
    expect(texts).not.toContain('Privacy Policy Terms');
    // Offsets point into the new pre-filter text, paragraphs joined by a blank line.
    content.paragraphs.forEach((p, i) => i && expect(p.start).toBe(content.paragraphs[i - 1].end + 2));
  });

  it('block model: a page that declares itself an article keeps the cascade pick', () => {
    const blocks = threadBlocks();
    const pick = firstPostPick(blocks);
    const content = applyBlockModel(pick, blocks, true);
    expect(content.attempt).toBe(pick.attempt);
    expect(content.paragraphs.map((p) => p.text)).toEqual(pick.paragraphs.map((p) => p.text));
  });

  it('block model: on a page that is not a declared article, short lines of the pick the model reads as furniture are taken out', () => {
    const blocks = threadBlocks();
    const long = 'Members who sign in can follow the thread and get an e-mail when someone answers, and the moderators close a thread after thirty days without a reply.';
    const lines = [blocks[2], { ...blocks[3], text: 'Posts: 116' }, { ...blocks[4], text: 'Reply with quote' }, { ...blocks[5], text: long }, blocks[6]];
    const pick: MainContent = { attempt: '1:readability', paragraphs: lines.map((p) => ({ ...p })), why: '' };
    // The model reads the posts as main text and neither the two short lines nor the long notice.
    const probs = lines.map((p) => (p === blocks[2] || p === blocks[6] ? 0.9 : 0.1));
    const kept = (declared: boolean) => chooseBlocks(pick, lines, declared, probs).paragraphs.map((p) => p.text);
    expect(kept(false)).toEqual([posts[0], long, posts[2]]);
    // Offsets point into the kept paragraphs joined by a blank line, the text the filter then reads.
    chooseBlocks(pick, lines, false, probs).paragraphs.forEach((p, i, all) => expect(p.start).toBe(i ? all[i - 1].end + 2 : 0));
    // A sentence in a script written without spaces is long by its characters, not one word.
    const chinese = '市议会周二批准了新的水费标准，辩论持续了四个多小时，反对派表示将提出上诉。';
    const withChinese = [...lines, { ...blocks[7], text: chinese }];
    expect(chooseBlocks({ ...pick, paragraphs: withChinese }, withChinese, false, [...probs, 0.1]).paragraphs.map((p) => p.text)).toContain(chinese);
    // A declared article's pick is left whole: a news page's short lines are the cascade's to judge.
    expect(kept(true)).toEqual(lines.map((p) => p.text));
  });

  it('block model: page blocks include closed tab and accordion panels, marked hidden; hidden inline text stays out', () => {
    // Modelled on a shop page of WCXB train whose product details sit in a collapsed accordion panel.
    const document = parseHtmlDocument(
      '<html><body><p>Wool socks with a cushioned sole<span style="display:none"> sale</span>.</p>' +
        '<div class="accordion-panel" style="display: none"><p>Knitted from merino wool with a reinforced heel and toe.</p></div>' +
        '<ul hidden><li><a href="/menu">Menu entry</a></li></ul></body></html>',
    );
    const blocks = readPageBlocks(document);
    expect(blocks.map((b) => [b.text, !!b.hidden])).toEqual([
      ['Wool socks with a cushioned sole.', false],
      ['Knitted from merino wool with a reinforced heel and toe.', true],
      ['Menu entry', true],
    ]);
    expect(collectHtmlParagraphs(document.body!).map((b) => b.text)).toEqual(['Wool socks with a cushioned sole.']);
  });

  it('block model: marks read ancestor tags and class/id words, camelCase and plurals included', () => {
    const { body } = parseHtmlDocument('<html><body><nav id="mainNav"></nav><div class="comments-list user_posts"></div></body></html>');
    const [nav, div] = Array.from(body!.children) as DomElement[];
    expect(blockMarks(nav)).toEqual(['t:nav', 'w:main', 'w:nav']);
    expect(blockMarks(div)).toEqual(expect.arrayContaining(['w:comment', 'w:list', 'w:user', 'w:post']));
  });
});
