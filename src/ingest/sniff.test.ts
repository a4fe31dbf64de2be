import { describe, expect, it } from 'vitest';
import { detectBinary, kindFromContentType, kindFromExtension, rootElementOf, sniffKind } from './sniff.js';

describe('sniff: detectBinary', () => {
  const binary: Array<[string, number[], string]> = [
    ['PDF', [...Buffer.from('%PDF-1.7\n')], 'PDF'],
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0], 'PNG'],
    ['JPEG', [0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JPEG'],
    ['GIF', [...Buffer.from('GIF89a')], 'GIF'],
    ['ZIP', [0x50, 0x4b, 0x03, 0x04, 0x14, 0], 'ZIP'],
    ['gzip', [0x1f, 0x8b, 0x08, 0], 'gzip'],
    ['NUL bytes', [...Buffer.from('hello'), 0, ...Buffer.from('world')], 'NUL'],
  ];
  it.each(binary)('names a %s file', (_name, bytes, expected) => {
    expect(detectBinary(Uint8Array.from(bytes))).toContain(expected);
  });

  const text: Array<[string, Uint8Array]> = [
    ['plain ASCII', Buffer.from('Plain news text.')],
    ['UTF-8 with BOM', Buffer.from('\uFEFFКиев', 'utf8')],
    ['UTF-16LE with BOM (has NUL bytes)', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('News', 'utf16le')])],
    ['text starting with PK', Buffer.from('PK is a common abbreviation')],
    ['windows-1252 bytes', Uint8Array.from([0x43, 0x61, 0x66, 0xe9])],
  ];
  it.each(text)('lets %s through as text', (_name, bytes) => {
    expect(detectBinary(bytes)).toBeUndefined();
  });
});

describe('sniff: kinds', () => {
  const rows: Array<[string, string]> = [
    ['<!DOCTYPE html><html><body>x</body></html>', 'html'],
    ['  <div class="a">x</div>', 'html'],
    ['<?xml version="1.0"?>\n<!-- c --><rss version="2.0"><channel/></rss>', 'feed'],
    ['<feed xmlns="http://www.w3.org/2005/Atom"></feed>', 'feed'],
    ['<rdf:RDF xmlns:rdf="x"></rdf:RDF>', 'feed'],
    ['<?xml version="1.0"?><catalog/>', 'xml'],
    ['{"text": "x"}', 'json'],
    ['[\n  {"text": "x"}\n]', 'json'],
    ['{"text": "a"}\n{"text": "b"}\n', 'jsonl'],
    ['Breaking: a plain text article', 'text'],
    ['# Heading\n\nMarkdown body', 'text'],
  ];
  it.each(rows)('sniffs %j as %s', (text, kind) => expect(sniffKind(text)).toBe(kind));

  it('finds the root element past the prolog', () => {
    expect(rootElementOf('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "b">]><rss/>')).toBe('rss');
  });

  it('maps extensions and Content-Types', () => {
    expect(kindFromExtension('a/b.HTM')).toBe('html');
    expect(kindFromExtension('x.ndjson')).toBe('jsonl');
    expect(kindFromExtension('x.pdf')).toBeUndefined();
    expect(kindFromContentType('application/atom+xml; charset=utf-8')).toBe('feed');
    expect(kindFromContentType('application/feed+json')).toBe('json');
    expect(kindFromContentType('application/octet-stream')).toBeUndefined();
  });
});
