/**
 * A hostile corpus (script tags, event handlers, javascript: links, CSS injection in titles, text, outlets and
 * URLs) goes through the API and every view; nothing it carries may run, become markup, or restyle the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { findChromium, openSession, type Session } from './browser.js';

const TOKEN = 'xss-token';
const chromiumPath = findChromium();

/** Each payload sets window.__xss to its number if it ever runs. */
const P = (n: number) => ({
  script: `<script>window.__xss=${n}</script>`,
  img: `<img src=x onerror="window.__xss=${n}">`,
  svg: `<svg onload="window.__xss=${n}">`,
  attr: `" onmouseover="window.__xss=${n}" x="`,
  style: `</style><style>body{display:none}</style>`,
});

const BODY = (n: number) =>
  [
    `Officials said 1,200 people were evacuated from the valley on Monday ${P(n).script}, according to the regional governor.`,
    `The river rose by 3 metres overnight ${P(n + 1).img} and the dam operator said at least 40 homes were flooded.`,
    `Rescue teams reported that 12 people were missing ${P(n + 2).attr} while the army deployed 300 soldiers to the area.`,
    `A spokesperson told reporters that about 2,000 residents had no power ${P(n + 3).style} on Tuesday morning.`,
  ].join('\n\n');

const FILES = [
  {
    name: 'hostile.html',
    body: `<!doctype html><html><head><title>${P(10).img.replace(/</g, '&lt;')} Flood ${P(11).svg.replace(/</g, '&lt;')}</title>
<style>body{display:none}</style><script>window.__xss=12</script></head><body onload="window.__xss=13"><article>
<h1>Valley flood &lt;script&gt;window.__xss=14&lt;/script&gt;</h1>
${BODY(20)
  .split('\n\n')
  .map((p) => `<p>${p.replace(/</g, '&lt;')}</p>`)
  .join('\n')}
<p>More at <a href="javascript:window.__xss=30">this link</a> and <a href="data:text/html,<script>window.__xss=31</script>">that one</a>, said the 5 officials.</p>
<p style="background:url(javascript:window.__xss=32)">Share this article on social media. Subscribe to our newsletter. ${P(33).script.replace(/</g, '&lt;')}</p>
</article></body></html>`,
  },
  {
    name: 'hostile.jsonl',
    body: [
      {
        title: `${P(40).svg} Valley flood update ${P(41).style}`,
        text: BODY(50),
        url: 'javascript:window.__xss=60',
        outlet: `<b onmouseover="window.__xss=61">Outlet</b>`,
        published: '2031-05-02T10:00:00Z',
      },
      {
        title: `"><script>window.__xss=70</script> Flood: officials revise figures`,
        text: BODY(80).replace('1,200', '1,900'),
        url: 'https://example.org/flood?x="><script>window.__xss=90</script>',
        outlet: 'Example News',
        published: '2031-05-03T08:00:00Z',
      },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n'),
  },
  { name: `"><img src=x onerror=window.__xss=99>.txt`, body: `${P(100).script} Valley flood: the third report\n\n${BODY(110)}` },
];

describe.skipIf(!chromiumPath)('hostile corpus in chromium: nothing executes', () => {
  let session: Session;
  let server: Session['server'];
  let page: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    session = await openSession(TOKEN, FILES, chromiumPath!);
    ({ server, page } = session);
    expect(session.events.at(-1)).toMatchObject({ type: 'status', status: 'done' });
    expect(session.events.filter((e) => e.type === 'added').length).toBeGreaterThanOrEqual(3);
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  }, 120_000);

  afterAll(() => session?.close());

  /** Fails if any payload ran or became markup on the current page. */
  async function assertInert(where: string): Promise<void> {
    // No element may carry an event handler attribute at all, so none can fire on hover or click either.
    const state = await page.evaluate(() => ({
      xss: (window as { __xss?: unknown }).__xss,
      scripts: [...document.scripts].map((s) => s.src.replace(location.origin, '')),
      handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}@${a.name}`)),
      badLinks: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!).filter((h) => !/^(#|\/|https?:)/.test(h)),
      injected: document.querySelectorAll('main img, main svg:not(.u-over svg), main style, main iframe, main object').length,
      styles: document.querySelectorAll('style').length,
      bodyShown: getComputedStyle(document.body).display !== 'none' && getComputedStyle(document.getElementById('app')!).display !== 'none',
    }));
    expect(state.xss, where).toBeUndefined();
    expect(state.scripts.every((s) => /^\/assets\/index-[\w-]+\.js$/.test(s)), `${where}: ${state.scripts}`).toBe(true);
    expect(state.handlers, where).toEqual([]);
    expect(state.badLinks, where).toEqual([]);
    expect(state.injected, where).toBe(0);
    expect(state.styles, where).toBe(0);
    expect(state.bodyShown, where).toBe(true);
    expect(dialogs, where).toEqual([]);
  }

  it('story list, ledgers, timelines and graphs show the payloads as text', async () => {
    await page.goto(`${server.url}/`);
    await page.locator('table.stories tbody tr').first().waitFor();
    const listed = await page.locator('table.stories').innerText();
    expect(listed).toMatch(/<img src=x onerror=|<svg onload=|<script>/);
    await assertInert('story list');
    const stories = await page.locator('table.stories tbody th a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    for (const story of stories) {
      for (const tab of ['', '/timeline', '/graph', '/articles']) {
        await page.goto(`${server.url}/${story}${tab}`);
        await page.locator('h1').waitFor();
        await page.waitForTimeout(300);
        for (const button of await page.locator('button.expand').all()) await button.click();
        await assertInert(`${story}${tab}`);
      }
    }
  }, 90_000);

  it('every article reader, with boilerplate shown and every layer on, and every side-by-side', async () => {
    const articles = (await (await fetch(`${server.url}/api/articles`)).json()) as { id: string }[];
    expect(articles.length).toBeGreaterThanOrEqual(3);
    for (const a of articles) {
      await page.goto(`${server.url}/#/article/${a.id}`);
      await page.locator('.reader .text').waitFor();
      for (const box of await page.locator('.legend input[type=checkbox]').all()) await box.check();
      const show = page.locator('text=Show dropped pieces');
      if (await show.count()) await show.click();
      expect(await page.locator('.reader .text').innerText()).toMatch(/<script>window\.__xss=\d+<\/script>|<img src=x onerror=/);
      await assertInert(`article ${a.id}`);
      for (const href of await page.locator('.article-links a').evaluateAll((as) => as.map((x) => x.getAttribute('href')!))) {
        await page.goto(`${server.url}/${href}`);
        await page.locator('h1').waitFor();
        await assertInert(`compare ${href}`);
      }
    }
  }, 90_000);
});
