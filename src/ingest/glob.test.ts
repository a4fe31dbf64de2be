import { describe, expect, it } from 'vitest';
import { globToRegExp, hasGlobSyntax, maxGlobDepth, splitGlob } from './glob.js';

describe('glob: globToRegExp', () => {
  const rows: Array<[string, string, boolean]> = [
    ['*.html', 'a.html', true],
    ['*.html', 'sub/a.html', false],
    ['*.html', 'a.htm', false],
    ['**/*.html', 'a.html', true],
    ['**/*.html', 'x/y/z/a.html', true],
    ['a/**/b.txt', 'a/b.txt', true],
    ['a/**/b.txt', 'a/x/y/b.txt', true],
    ['a/**/b.txt', 'ab/b.txt', false],
    ['file?.txt', 'file1.txt', true],
    ['file?.txt', 'file12.txt', false],
    ['*.{html,txt}', 'n.txt', true],
    ['*.{html,txt}', 'n.md', false],
    ['{a,b/{c,d}}.md', 'b/d.md', true],
    ['[ab]*.md', 'b1.md', true],
    ['[!ab]*.md', 'a1.md', false],
    ['news.v1.*', 'newsXv1.txt', false], // dots are literal
    ['**', 'deep/down/file', true],
  ];
  it.each(rows)('%s against %s -> %s', (pattern, path, expected) => {
    expect(globToRegExp(pattern).test(path)).toBe(expected);
  });
});

describe('glob: spec handling', () => {
  it('splits the static base from the pattern', () => {
    expect(splitGlob('data/news/**/*.html')).toEqual({ base: 'data/news', pattern: '**/*.html' });
    expect(splitGlob('*.txt')).toEqual({ base: '.', pattern: '*.txt' });
    expect(splitGlob('/abs/*.txt')).toEqual({ base: '/abs', pattern: '*.txt' });
    expect(splitGlob('/*.txt')).toEqual({ base: '/', pattern: '*.txt' });
  });
  it('limits walk depth unless ** is used', () => {
    expect(maxGlobDepth('*.txt')).toBe(0);
    expect(maxGlobDepth('a/*/b.txt')).toBe(2);
    expect(maxGlobDepth('**/x')).toBe(Infinity);
  });
  it('recognises glob syntax but not plain paths', () => {
    expect(hasGlobSyntax('news/*.html')).toBe(true);
    expect(hasGlobSyntax('news/{a,b}.html')).toBe(true);
    expect(hasGlobSyntax('news/a-b.html')).toBe(false);
  });
});
