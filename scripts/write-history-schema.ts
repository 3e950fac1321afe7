import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pepHistoryJsonSchema } from '../src/app/plan/history-schema.js';

/**
 * npx tsx scripts/write-history-schema.ts — regenerates schemas/pep-history.schema.json from the
 * zod schema after a deliberate change to the export format (test/plan/history-export.test.ts
 * fails until the committed file matches).
 */
const file = join(import.meta.dirname, '..', 'schemas', 'pep-history.schema.json');
writeFileSync(file, pepHistoryJsonSchema());
process.stdout.write(`wrote ${file}\n`);
