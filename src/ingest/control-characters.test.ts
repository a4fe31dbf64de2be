import { describe, expect, it } from 'vitest';
import { extractItems } from '../app/ingest.js';
import type { RawDocument } from '../core/raw-document.js';
import { stripControlCharacters } from './control-characters.js';

const doc = (body: string, format: RawDocument['format'] = 'text'): RawDocument => ({
  input: 'paste.txt',
  format,
  body,
  meta: { title: '\x1b[1mFerry\x1b[0m resumes' },
  fetchedAt: '2031-03-18T00:00:00Z',
});

async function extracted(raw: RawDocument) {
  const out = [];
  for await (const item of extractItems([raw])) out.push(item);
  return out;
}

describe('control characters in inputs', () => {
  it('takes out terminal escapes and lone controls, keeps tabs and line breaks, turns page breaks into line breaks', () => {
    expect(stripControlCharacters('\x1b[31;1mAlert:\x1b[0m 40 boats\tleft.\r\nNext\x0cpage\x00!')).toEqual({
      text: 'Alert: 40 boats\tleft.\r\nNext\npage!',
      escapes: 2,
      controls: 1,
    });
    expect(stripControlCharacters('\x1b]0;window title\x07Text \x9bstays')).toEqual({ text: 'Text stays', escapes: 1, controls: 1 });
    const plain = 'Nothing to do here — “quotes”, émigrés, 12 km.';
    expect(stripControlCharacters(plain)).toEqual({ text: plain, escapes: 0, controls: 0 });
  });

  it('an input pasted from a terminal becomes clean text with a warning naming it, and the batch goes on', async () => {
    const body = 'The ferry \x1b[32mresumed\x1b[0m service on Monday after the storm, the operator said.\n\nAbout 300 passengers crossed on the first day.\x07';
    const items = await extracted(doc(body));
    const warning = items.flatMap((i) => (i.type === 'warning' ? [i.failure] : []))[0];
    expect(warning).toMatchObject({ input: 'paste.txt', ruleId: 'ingest:control-characters', severity: 'warning' });
    expect(warning?.reason).toBe('removed 2 terminal escape sequence(s) and 1 control character(s) from its text');
    const article = items.find((i) => i.type === 'article');
    expect(article?.type === 'article' && article.article.text).toBe(
      'The ferry resumed service on Monday after the storm, the operator said.\n\nAbout 300 passengers crossed on the first day.',
    );
    // Metadata is kept as given (escaped wherever it is shown), like every character of the data.
    expect(article?.type === 'article' && article.article.meta.title).toBe('\x1b[1mFerry\x1b[0m resumes');
  });

  it('HTML with control characters in its text extracts the same as without them', async () => {
    const page = (p: string) => `<html><body><article><h1>Ferry</h1><p>${p}</p><p>The operator said about 300 passengers crossed on the first day of the restored service.</p></article></body></html>`;
    const dirty = await extracted(doc(page('The ferry resumed\x00 service on Monday after the \x1b[0mstorm had passed the coast.'), 'html'));
    const clean = await extracted(doc(page('The ferry resumed service on Monday after the storm had passed the coast.'), 'html'));
    const text = (items: typeof dirty) => items.flatMap((i) => (i.type === 'article' ? [i.article.text] : []));
    expect(text(dirty)).toEqual(text(clean));
    expect(text(dirty)[0]).toContain('resumed service');
  });
});
