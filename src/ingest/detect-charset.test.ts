/** Issue 9 row 10: pages in legacy encodings that declare none read right (detected, helped by `lang`), and --encoding overrides. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../test/cli-helpers.js';
import { decodeBytes, decodeWindows1252 } from './charset.js';
import { detectCharset, langFromHtml } from './detect-charset.js';

const DIR = resolve(__dirname, '../../test/fixtures/charsets');
const pages = readdirSync(DIR).filter((f) => f.endsWith('.html'));
const expectedTitle = (page: string) => readFileSync(join(DIR, page.replace(/\.html$/, '.expected.txt')), 'utf8').trim();

describe('charset detection without a declaration', () => {
  it.each(pages)('%s decodes to its title, with a note naming the detected encoding', (page) => {
    const bytes = readFileSync(join(DIR, page));
    const decoded = decodeBytes(bytes, page);
    expect(decoded.source).toBe('detected');
    expect(decoded.text).toContain(`<title>${expectedTitle(page)}</title>`);
    expect(decoded.notes).toEqual([
      expect.objectContaining({ ruleId: 'ingest:charset-detected', reason: expect.stringMatching(/^no charset declared; detected [\w-]+ \(confidence \d+/) }),
    ]);
  });

  it('uses lang as a hint between Cyrillic code pages', () => {
    const koi8 = readFileSync(join(DIR, 'ru-koi8-r.html'));
    expect(detectCharset(koi8, 'ru')).toMatchObject({ encoding: 'koi8-r', hinted: true });
    expect(langFromHtml('<!doctype html><html class="x" lang="ru-RU">')).toBe('ru');
    expect(langFromHtml('<html>')).toBeUndefined();
  });

  it('still reads an undeclared Western page as windows-1252', () => {
    const bytes = Buffer.from(
      '<html><body><p>Caf\xe9 owners said the \x93new\x94 rules \x96 announced on Monday \x96 would cost them \x80500 a month, the mayor\x92s office said.</p></body></html>',
      'latin1',
    );
    const decoded = decodeBytes(bytes, 'west.html');
    expect(decoded.text).toBe(decodeWindows1252(bytes));
    expect(decoded.text).toContain('Café owners said the “new” rules – announced');
  });

  it('decodes as --encoding says, whatever the bytes declare', () => {
    const bytes = readFileSync(join(DIR, 'ru-windows-1251.html'));
    expect(decodeBytes(bytes, 'x', { override: 'koi8-r', contentType: 'text/html; charset=utf-8' })).toMatchObject({ encoding: 'koi8-r', source: 'override' });
  });
});

describe('charset detection through the CLI', () => {
  it('extract reads Russian, Ukrainian, Korean, Japanese and Chinese legacy pages right', async () => {
    const result = await runCli('extract', join(DIR, '*.html'));
    expect(result.code).toBe(0);
    const titles = result.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { title: string }).title);
    expect(titles.sort()).toEqual(pages.map(expectedTitle).sort());
    expect(result.stderr).toMatch(/ru-windows-1251\.html: no charset declared; detected windows-1251 .*\[ingest:charset-detected\]/);
  });

  it('--encoding overrides detection, and an unknown label is a usage error', async () => {
    const page = join(DIR, 'ru-windows-1251.html');
    const forced = await runCli('extract', page, '--encoding', 'koi8-r');
    expect((JSON.parse(forced.stdout) as { title: string }).title).not.toBe(expectedTitle('ru-windows-1251.html'));
    const bad = await runCli('extract', page, '--encoding', 'klingon-8');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("option '--encoding <label>' argument 'klingon-8' is invalid");
  });
});
