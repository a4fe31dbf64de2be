/** Reads the feed URLs of an OPML subscription list (what feed readers export). */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** The http(s) `xmlUrl` of every outline, nested ones included, in document order and without repeats. */
export function feedsFromOpml(text: string, input: string): string[] {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new Error(`${input}: not well-formed OPML (line ${valid.err.line}: ${valid.err.msg})`);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => name === 'outline' }).parse(text);
  if (!doc?.opml) throw new Error(`${input}: not OPML (no <opml> root element)`);
  const urls: string[] = [];
  const walk = (outlines: unknown) => {
    for (const o of (outlines as Record<string, unknown>[] | undefined) ?? []) {
      const url = typeof o['@_xmlUrl'] === 'string' ? o['@_xmlUrl'].trim() : '';
      if (/^https?:\/\//i.test(url) && !urls.includes(url)) urls.push(url);
      walk(o.outline);
    }
  };
  walk(doc.opml.body?.outline);
  return urls;
}
