/** Writes docs/export.schema.json from the Zod export contract (`npm run schema`). */
import { writeFileSync } from 'node:fs';
import { exportJsonSchema } from '../src/report/export-json-schema.js';

const path = new URL('../docs/export.schema.json', import.meta.url);
writeFileSync(path, `${JSON.stringify(exportJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path.pathname}`);
