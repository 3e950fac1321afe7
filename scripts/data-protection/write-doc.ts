import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataProtectionDoc } from '../../src/app/data-protection/data-protection-doc.js';

/** npm run docs:data-protection — regenerates docs/data-protection.md from the code (a test fails until the committed file matches). */
const file = join(import.meta.dirname, '..', '..', 'docs', 'data-protection.md');
writeFileSync(file, dataProtectionDoc());
process.stdout.write(`wrote ${file}\n`);
