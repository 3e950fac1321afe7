import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { subjectAccessJsonSchema } from '../../src/app/data-protection/subject-access-schema.js';

/** npx tsx scripts/data-protection/write-subject-access-schema.ts — regenerates schemas/subject-access.schema.json after a deliberate format change. */
const file = join(import.meta.dirname, '..', '..', 'schemas', 'subject-access.schema.json');
writeFileSync(file, subjectAccessJsonSchema());
process.stdout.write(`wrote ${file}\n`);
