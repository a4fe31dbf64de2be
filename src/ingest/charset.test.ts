import { describe, expect, it } from 'vitest';
import { encodeSingleByte } from '../../test/fixtures/ingest/encode.js';
import { charsetFromContentType, charsetFromMeta, charsetFromXmlDeclaration, decodeBytes } from './charset.js';

const CYRILLIC = 'Войска прибыли в Курскую область';

describe('charset: decodeBytes', () => {
  it('decodes windows-1251 declared in the Content-Type header', () => {
    const bytes = encodeSingleByte(`<p>${CYRILLIC}</p>`, 'windows-1251');
    const out = decodeBytes(bytes, 'x', { contentType: 'text/html; charset=windows-1251' });
    expect(out).toMatchObject({ text: `<p>${CYRILLIC}</p>`, encoding: 'windows-1251', source: 'header', notes: [] });
  });

  it('decodes koi8-r declared in a <meta charset> tag', () => {
    const bytes = encodeSingleByte(`<html><head><meta charset="koi8-r"></head><body>${CYRILLIC}</body></html>`, 'koi8-r');
    const out = decodeBytes(bytes, 'x');
    expect(out.text).toContain(CYRILLIC);
    expect(out).toMatchObject({ encoding: 'koi8-r', source: 'meta' });
  });

  it('decodes a charset declared by <meta http-equiv="Content-Type">', () => {
    const html = `<meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><p>${CYRILLIC}</p>`;
    const out = decodeBytes(encodeSingleByte(html, 'windows-1251'), 'x');
    expect(out).toMatchObject({ encoding: 'windows-1251', source: 'meta' });
    expect(out.text).toContain(CYRILLIC);
  });

  it('decodes the encoding named in an XML declaration', () => {
    const xml = `<?xml version="1.0" encoding="KOI8-R"?><rss><channel><title>${CYRILLIC}</title></channel></rss>`;
    const out = decodeBytes(encodeSingleByte(xml, 'koi8-r'), 'x');
    expect(out).toMatchObject({ encoding: 'koi8-r', source: 'xml-declaration' });
    expect(out.text).toContain(CYRILLIC);
  });

  it('lets the header win over a contradicting <meta>', () => {
    const html = `<meta charset="koi8-r"><p>${CYRILLIC}</p>`;
    const out = decodeBytes(encodeSingleByte(html, 'windows-1251'), 'x', { contentType: 'text/html;charset="windows-1251"' });
    expect(out.text).toContain(CYRILLIC);
  });

  it('strips a UTF-8 BOM and trusts it over a contrary declaration', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`<meta charset="windows-1252">${CYRILLIC}`)]);
    const out = decodeBytes(bytes, 'x', { contentType: 'text/html; charset=iso-8859-1' });
    expect(out).toMatchObject({ encoding: 'utf-8', source: 'bom' });
    expect(out.text.startsWith('<meta')).toBe(true);
    expect(out.text).toContain(CYRILLIC);
  });

  it('decodes UTF-16 LE and BE with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CYRILLIC, 'utf16le')]);
    expect(decodeBytes(le, 'x')).toMatchObject({ text: CYRILLIC, encoding: 'utf-16le' });
    const be = Buffer.from(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(CYRILLIC, 'utf16le')]));
    for (let i = 2; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1], be[i]];
    expect(decodeBytes(be, 'x')).toMatchObject({ text: CYRILLIC, encoding: 'utf-16be' });
  });

  it('reads undeclared valid UTF-8 as UTF-8 without notes', () => {
    expect(decodeBytes(Buffer.from(`Zürich — ${CYRILLIC}`), 'x')).toMatchObject({ text: `Zürich — ${CYRILLIC}`, source: 'utf-8-valid', notes: [] });
  });

  it('falls back to windows-1252 with a warning for invalid UTF-8 without a declaration', () => {
    const out = decodeBytes(Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x6f, 0x6b, 0x94]), 'old.txt');
    expect(out.text).toBe('Café “ok”');
    expect(out.encoding).toBe('windows-1252');
    expect(out.notes).toEqual([expect.objectContaining({ input: 'old.txt', ruleId: 'ingest:charset-fallback', severity: 'warning' })]);
  });

  it('warns about an unknown declared charset and falls back to the next source', () => {
    const out = decodeBytes(Buffer.from('<meta charset="x-klingon"><p>plain</p>'), 'page.html');
    expect(out.text).toContain('plain');
    expect(out.source).toBe('utf-8-valid');
    expect(out.notes).toEqual([expect.objectContaining({ ruleId: 'ingest:unknown-charset', severity: 'warning' })]);
    expect(out.notes[0].reason).toContain('x-klingon');
  });

  it('keeps a declared UTF-8 with bad bytes, replacing them and warning', () => {
    const out = decodeBytes(Buffer.from([0x61, 0xff, 0x62]), 'x', { contentType: 'text/plain; charset=utf-8' });
    expect(out.text).toBe('a\uFFFDb');
    expect(out.notes[0].ruleId).toBe('ingest:invalid-bytes');
  });

  it('treats a <meta> that claims UTF-16 on ASCII-readable bytes as UTF-8', () => {
    expect(decodeBytes(Buffer.from('<meta charset="utf-16"><p>é</p>'), 'x').text).toContain('é');
  });
});

describe('charset: declaration parsers', () => {
  const header: Array<[string, string | undefined]> = [
    ['text/html; charset=UTF-8', 'UTF-8'],
    ['text/html;charset="koi8-r"', 'koi8-r'],
    ["text/html; charset='cp1251'", 'cp1251'],
    ['text/html', undefined],
    ['text/html; boundary=charset', undefined],
  ];
  it.each(header)('Content-Type %s -> %s', (value, expected) => expect(charsetFromContentType(value)).toBe(expected));

  const meta: Array<[string, string | undefined]> = [
    ['<meta charset="utf-8">', 'utf-8'],
    ["<META CHARSET='windows-1251'/>", 'windows-1251'],
    ['<meta http-equiv="content-type" content="text/html; charset=koi8-r">', 'koi8-r'],
    ['<meta name="description" content="charset of the day">', undefined],
    ['<p>charset=utf-8</p>', undefined],
  ];
  it.each(meta)('meta %s -> %s', (value, expected) => expect(charsetFromMeta(value)).toBe(expected));

  it('reads the XML declaration only at the start', () => {
    expect(charsetFromXmlDeclaration('<?xml version="1.0" encoding="ISO-8859-5"?><a/>')).toBe('ISO-8859-5');
    expect(charsetFromXmlDeclaration('<a>encoding="x"</a>')).toBeUndefined();
  });
});

describe('charset: windows-1252', () => {
  it('maps 0x80–0x9F to the windows-1252 characters, not C1 controls', () => {
    const out = decodeBytes(Uint8Array.from([0x93, 0x61, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35]), 'x', { contentType: 'text/plain; charset=iso-8859-1' });
    expect(out.text).toBe('“a” – €5');
  });
});
