import { z } from 'zod';
import { EXPORT_VERSION, ExportSchema } from './export-schema.js';

/** The export contract as a JSON Schema document (draft 2020-12), as published in docs/. */
export function exportJsonSchema(): Record<string, unknown> {
  return {
    $id: `https://triangulate.dev/schema/export-${EXPORT_VERSION}.json`,
    title: 'Triangulate JSON export',
    description:
      'Articles with their cleaned text, and cross-article results (stories, reuse links, entities, claims, propositions). ' +
      'Every start/end offset is a half-open range of UTF-16 code units into the `text` of the article it names.',
    ...z.toJSONSchema(ExportSchema, { target: 'draft-2020-12' }),
  };
}
