/**
 * End to end: the seeds are uploaded through the API of a real server, then Debian's chromium opens each view
 * and checks what a person sees. Screenshots of each view (desktop and phone) land in SCREENSHOTS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { rm } from 'node:fs/promises';
import { EXAMPLES, findChromium, folderFiles, launchChromium, openSession, screenshots, SEEDS, startServer, tabTo, VIEWPORTS, type Session, poll } from './browser.js';
import { emptyAnalysis } from '../../src/store/store.js';

const TOKEN = 'e2e-token';
const chromiumPath = findChromium();
if (!chromiumPath) console.warn('e2e: no chromium at /usr/bin/chromium; browser tests skipped (they fail in CI)');

describe.skipIf(!chromiumPath)('web UI in chromium, on the seeds and the example corpus', () => {
  let session: Session;
  let server: Session['server'];
  let page: Page;
  /** Console errors and CSP refusals seen on any page: there must be none. */
  const problems: string[] = [];

  beforeAll(async () => {
    // The seeds (real articles, undated) and the example corpus (dated, so its figures have trajectories).
    session = await openSession(TOKEN, [...(await folderFiles(SEEDS)), ...(await folderFiles(EXAMPLES))], chromiumPath!);
    ({ server, page } = session);
    expect(session.events.filter((e) => e.type === 'added')).toHaveLength(13);
    expect(session.events.at(-1)).toMatchObject({ type: 'status', status: 'done' });
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
  }, 120_000);

  afterAll(() => session?.close());

  it('story list: articles against independent origins and the contested count', async () => {
    await page.goto(`${server.url}/`);
    await poll(() => page.locator('table.stories tbody tr').count()).toBe(3);
    const row = page.locator('table.stories tbody tr', { hasText: 'North Korean' });
    expect(await row.locator('[data-label="Articles"]').innerText()).toBe('5');
    expect(await row.locator('[data-label="Independent origins"]').innerText()).toBe('2');
    expect(await row.locator('[data-label="Contested"]').innerText()).toBe('1');
    const flood = page.locator('table.stories tbody tr', { hasText: 'Ember River' });
    expect(await flood.locator('[data-label="Articles"]').innerText()).toBe('7');
    expect(await flood.locator('[data-label="Latest update"]').innerText()).toBe('2031-03-19 14:05');
    await screenshots(page, 'stories');
    await page.fill('input[type=search]', 'no such story anywhere');
    await poll(() => page.locator('table.stories tbody tr').count()).toBe(0);
    expect(page.url()).toContain('q=no%20such');
  });

  it('ledger: the contested figure first, with its rival values and the source sentences', async () => {
    await page.goto(`${server.url}/#/`);
    await page.click('text=North Korean Troops Sent To Russia');
    const first = page.locator('.status-group').first();
    await poll(() => first.locator('h2').innerText()).toContain('contested');
    const card = first.locator('.proposition').first();
    expect(await card.locator('h3').innerText()).toContain('North Korean troops');
    const values = await card.locator('td.value').allInnerTexts();
    expect(values.join(' | ')).toContain('up to 12,000');
    expect(values.join(' | ')).toContain('nearly 11,000');
    await card.locator('button.expand').click();
    await poll(() => card.locator('.sources mark.claim-mark').count()).toBeGreaterThan(1);
    expect(await card.locator('.sources mark.claim-mark').first().innerText()).toMatch(/\d/);
    // Each source sentence links to its place in the article, highlighted there.
    const source = card.locator('.sources li a').first();
    const claimText = await card.locator('.sources mark.claim-mark').first().innerText();
    await source.click();
    await poll(() => page.locator('.reader .text .focused').count()).toBe(1);
    expect(claimText).toContain(await page.locator('.reader .text .focused').innerText());
    await page.goBack();
    await page.locator('.status-group').first().waitFor();
    await card.locator('button.expand').click();
    // The shareable report of the same story downloads as one HTML file.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Download the report (HTML)')]);
    expect(download.suggestedFilename()).toMatch(/^triangulate-story-[\w-]+\.html$/);
    await screenshots(page, 'ledger');
  });

  it('article reader: claims, quantities and dates highlighted, layers toggle, boilerplate shown with reasons', async () => {
    await page.goto(`${server.url}/#/`);
    await page.click('text=North Korean Troops Sent To Russia');
    await page.click('nav.tabs >> text=Articles');
    await page.click('text=Budanov: Russia is preparing 11,000');
    await poll(() => page.locator('.reader .text .hl-claim').count()).toBeGreaterThan(3);
    const quantities = await page.locator('.reader .text .hl-quantity').allInnerTexts();
    expect(quantities.join(' ')).toContain('11,000');
    expect(await page.locator('.reader .text .hl-date').count()).toBeGreaterThan(0);
    await page.getByLabel('Claims').uncheck();
    expect(await page.locator('.reader .text .hl-claim').count()).toBe(0);
    await page.getByLabel('Claims').check();
    await page.click('text=Show dropped pieces');
    const reasons = await page.locator('.dropped .reason').allInnerTexts();
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.every((r) => /^[a-z-]+:[a-z-]+/.test(r))).toBe(true);
    await screenshots(page, 'article');
  });

  it('graph and side-by-side: the rewrite opens beside its origin with edits marked', async () => {
    await page.goto(`${server.url}/#/`);
    await page.click('text=North Korean Troops Sent To Russia');
    await page.click('nav.tabs >> text=Who copied whom');
    await poll(() => page.locator('[data-testid=graph] canvas').count()).toBeGreaterThan(0);
    expect(await page.locator('.links li').count()).toBe(4);
    expect(await page.locator('.origins > li').count()).toBe(2);
    await screenshots(page, 'graph');
    // Clicking the rewrite's arrow on the canvas opens the side-by-side view (positions from Cytoscape's own registry).
    const arrowAt = () =>
      page.evaluate(() => {
        const box = document.querySelector('[data-testid=graph]') as HTMLElement & { _cyreg: { cy: import('cytoscape').Core } };
        const edge = box._cyreg.cy.edges('[kind = "rewrite"]')[0];
        const at = edge.renderedMidpoint();
        const src = edge.source().renderedPosition();
        const rect = box.getBoundingClientRect();
        // A little along the edge from its label, so the click lands on the line.
        return { x: Math.round(rect.left + (at.x * 3 + src.x) / 4), y: Math.round(rect.top + (at.y * 3 + src.y) / 4), from: edge.data('from') as string };
      });
    // The screenshots resized the page and the graph refits: wait until the arrow stays put.
    let last = '';
    await poll(async () => {
      const now = JSON.stringify(await arrowAt());
      const still = now === last;
      last = now;
      return still;
    }).toBe(true);
    const arrow = JSON.parse(last) as { x: number; y: number; from: string };
    await page.mouse.click(arrow.x, arrow.y);
    await poll(() => page.url()).toContain(`#/compare/${arrow.from}/`);
    await page.goBack();
    await page.locator('.links li', { hasText: 'rewrite' }).locator('a').click();
    await poll(() => page.locator('.side-by-side .row.reused').count()).toBeGreaterThan(2);
    expect(await page.locator('.compare .pill').innerText()).toBe('rewrite');
    // A rewrite: sentences paired by the reuse aligner, with the words it changed marked on both sides.
    expect(await page.locator('.side-by-side .row.reused .flag').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/^paraphrase/)]));
    expect(await page.locator('.side-by-side ins').count()).toBeGreaterThan(0);
    expect(await page.locator('.side-by-side del').count()).toBeGreaterThan(0);
    expect(await page.locator('.side-by-side .row.own').count()).toBeGreaterThan(0);
    await screenshots(page, 'compare');
  });

  it('timeline: each dated figure drawn as a chart, with the contested one among them', async () => {
    await page.goto(`${server.url}/#/`);
    await page.click('text=Ember River flood: thousands displaced');
    await page.click('nav.tabs >> text=Timeline');
    await poll(() => page.locator('.trajectory canvas').count()).toBeGreaterThan(0);
    const captions = await page.locator('.trajectory figcaption').allInnerTexts();
    expect(captions[0]).toMatch(/people displaced\s+contested/);
    // uPlot's legend names each independent origin that gave a value.
    expect(await page.locator('.trajectory').first().locator('.u-legend .u-label').count()).toBeGreaterThan(2);
    expect(await page.locator('.events li').count()).toBeGreaterThan(5);
    await screenshots(page, 'timeline');
  });

  it('keyboard only: story list → ledger → sources → timeline tab → article', async () => {
    await page.goto(`${server.url}/#/`);
    await page.locator('table.stories').waitFor();
    await tabTo(page, 'North Korean Troops Sent To Russia');
    await page.keyboard.press('Enter');
    await page.locator('.proposition').first().waitFor();
    await tabTo(page, 'Show source sentences');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('.sources li').count()).toBeGreaterThan(0);
    await tabTo(page, 'Timeline', 400);
    await page.keyboard.press('Enter');
    await poll(() => page.url()).toContain('/timeline');
    await tabTo(page, 'Articles');
    await page.keyboard.press('Enter');
    await tabTo(page, 'Budanov: Russia is preparing');
    await page.keyboard.press('Enter');
    await page.locator('.reader').waitFor();
    await tabTo(page, 'Claims');
    await page.keyboard.press('Space');
    expect(await page.locator('.reader .text .hl-claim').count()).toBe(0);
  });

  it('API docs page lists every route, under the same CSP', async () => {
    await page.goto(`${server.url}/api/docs`);
    await poll(() => page.locator('.opblock').count()).toBeGreaterThan(10);
    expect(await page.locator('.opblock-summary-path').allInnerTexts()).toEqual(expect.arrayContaining(['/api/stories/{id}/propositions', '/api/ingest/upload']));
    await screenshots(page, 'api-docs');
  });

  it('ingest page: an upload with the token streams its progress; stored seeds are counted, a broken file is listed with its reason', async () => {
    await page.goto(`${server.url}/#/ingest`);
    await page.getByLabel('Token').fill(TOKEN);
    const seeds = (await folderFiles(SEEDS)).map((f) => ({ name: f.name, mimeType: 'text/plain', buffer: Buffer.from(f.body) }));
    const broken = { name: 'broken.bin', mimeType: 'application/octet-stream', buffer: Buffer.from([0, 1, 2, 255, 0, 0, 7, 8, 0, 200, 0, 0]) };
    await page.getByLabel('Files').setInputFiles([...seeds, broken]);
    await page.click('text=Upload and analyse');
    await poll(() => page.locator('.job-status').innerText()).toBe('done');
    expect(await page.locator('.progress p').first().innerText()).toMatch(/0 added, 5 already stored, 1 failed/);
    await poll(() => page.locator('.failures li').allInnerTexts()).toEqual([expect.stringMatching(/^broken\.bin — .+ [a-z]+:[a-z-]+/)]);
    await page.getByLabel('Token').fill('wrong');
    await page.click('text=Re-analyse everything stored');
    await poll(() => page.locator('.ingest .error').innerText()).toContain('missing or wrong token');
  }, 90_000);

  it('no page logged an error or a refused resource', () => {
    // The refused re-analysis above logs its 401 as a failed resource load; nothing else may.
    problems.splice(0, problems.length, ...problems.filter((p) => !/status of 401/.test(p)));
    expect(problems).toEqual([]);
  });
});

describe.skipIf(!chromiumPath)('web UI in chromium, on a store of many stories', () => {
  it('draws the largest stories of a store too large to list, says how many are left, and search finds the others', async () => {
    const { server, store, dir } = await startServer(TOKEN);
    const browser = await launchChromium(chromiumPath!);
    try {
      const analysis = emptyAnalysis();
      // 450 stories of 1 to 450 articles (the articles need not be stored for the list).
      analysis.stories = Array.from({ length: 450 }, (_, i) => ({ id: `story-${i}`, label: `Story number ${i}`, articles: Array.from({ length: i + 1 }, (_, j) => `a${i}-${j}`) }));
      await store.saveAnalysis(analysis);
      const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
      await page.goto(`${server.url}/`);
      await poll(() => page.locator('table.stories tbody tr').count()).toBe(300);
      expect(await page.locator('table.stories tbody tr th').first().innerText()).toBe('Story number 449');
      expect(await page.locator('.more').innerText()).toBe('The 300 largest of 450 stories; search to find the others.');
      await page.fill('input[type=search]', 'number 7');
      // "number 7", "number 70"-"79", "number 700"+ do not exist: 11 stories.
      await poll(() => page.locator('table.stories tbody tr').count()).toBe(11);
      expect(await page.locator('.more').count()).toBe(0);
    } finally {
      await browser.close();
      await server.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
