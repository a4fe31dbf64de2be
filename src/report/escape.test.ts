import { describe, expect, it } from 'vitest';
import { htmlText, jsonSafe, mdCell, mdInline, mdLink, mermaidLabel, safeHref, termBlock, termSafe } from './escape.js';

const ESC = '\u001b';
const BEL = '\u0007';

describe('escape: terminal', () => {
  it.each([
    [`a${ESC}]0;owned${BEL}b`, 'a]0;ownedb'],
    [`${ESC}[2Jcleared`, '[2Jcleared'],
    ['two\nlines\r\n# heading', 'two lines # heading'],
    ['evil\u202Etxt.exe', 'eviltxt.exe'],
    ['nul\u0000 and csi\u009b31m', 'nul and csi31m'],
    ['Наводнение в Ростове 洪水', 'Наводнение в Ростове 洪水'],
  ])('termSafe(%j) is %j', (input, expected) => {
    expect(termSafe(input)).toBe(expected);
  });

  it('termBlock keeps our newlines and drops escapes', () => {
    expect(termBlock(`line 1\n${ESC}[31mline 2\u2066`)).toBe('line 1\n[31mline 2');
  });
});

describe('escape: Markdown', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['![img](http://e.org/x.png) Become a Patron!', '!\\[img\\](http://e.org/x.png) Become a Patron!'],
    ['[x](javascript:alert(1))', '\\[x\\](javascript:alert(1))'],
    ['title\n# not a heading\n```\ncode', 'title \\# not a heading \\`\\`\\` code'],
    ['- not a list', '\\- not a list'],
    ['1. not a list', '1\\. not a list'],
    ['a | b', 'a \\| b'],
    ['**bold** _it_ ~~del~~', '\\*\\*bold\\*\\* \\_it\\_ \\~\\~del\\~\\~'],
    ['AT&T', 'AT&amp;T'],
    ['rtl\u202Eoverride\u0000', 'rtloverride'],
  ])('mdInline(%j) is %j', (input, expected) => {
    expect(mdInline(input)).toBe(expected);
    expect(mdCell(input)).toBe(expected);
  });

  it.each([
    ['https://example.org/a b', 'https://example.org/a%20b'],
    ['http://example.org/x)(y', 'http://example.org/x%29%28y'],
    ['javascript:alert(1)', undefined],
    [' JavaScript:alert(1)', undefined],
    ['data:text/html,<script>', undefined],
    ['file:///etc/passwd', undefined],
    ['/relative', undefined],
    [undefined, undefined],
  ])('safeHref(%j) is %j', (input, expected) => {
    expect(safeHref(input)).toBe(expected);
  });

  it('mdLink links only http(s)', () => {
    expect(mdLink('a [b]', 'https://e.org/(x)')).toBe('[a \\[b\\]](https://e.org/%28x%29)');
    expect(mdLink('click', 'javascript:alert(1)')).toBe('click');
  });

  it('mermaidLabel leaves no syntax characters', () => {
    expect(mermaidLabel('a "b" [c]\n```\n<img onerror=x>; d')).toBe("a 'b' 'c' ''' 'img onerror=x'' d");
  });
});

describe('escape: HTML and JSON', () => {
  it('htmlText escapes markup and quotes', () => {
    expect(htmlText(`<b onclick="x">'&'</b>${ESC}`)).toBe('&lt;b onclick=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/b&gt;');
  });

  it('jsonSafe escapes C1 and bidi but round-trips the same data', () => {
    const value = { t: `a\u009b31m\u202Eb${ESC}c\u2028` };
    const text = jsonSafe(value);
    expect(text).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2028]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
