import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataProtectionDoc } from '../../../src/app/data-protection/data-protection-doc.js';
import { DPIA_MEASURES } from '../../../src/app/data-protection/data-protection-facts.js';
import { freeTextPaths } from '../../../src/domain/data-protection/free-text-fields.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

describe('docs/data-protection.md', () => {
  it('is what the code generates (regenerate with: npm run docs:data-protection)', () => {
    expect(readFileSync(join(ROOT, 'docs', 'data-protection.md'), 'utf8')).toBe(dataProtectionDoc());
  });

  it('names only test files that exist as the proof of each security measure', () => {
    for (const file of DPIA_MEASURES.flatMap((measure) => measure.tests)) expect(existsSync(join(ROOT, file)), file).toBe(true);
  });

  it('lists every field of the stored meeting, marking each free-text field encrypted', () => {
    const doc = dataProtectionDoc();
    for (const path of ['participants[].email', 'prompts[].answer.want', 'links[].tokenHash', 'anonymised.closedAt']) expect(doc).toContain(`| \`${path}\` |`);
    for (const path of freeTextPaths('meeting').filter((p) => doc.includes(`| \`${p}\` |`))) expect(doc).toMatch(new RegExp(`\\| \`${path.replace(/[.[\]]/g, '\\$&')}\` \\| text \\| yes \\|`));
  });
});
