import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layering rules live in eslint.config.js and CI runs lint; this test proves the rules bite,
 * so a later edit to the config cannot quietly switch them off.
 */
const eslint = new ESLint();

async function violations(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const imports = (module: string) => `import * as m from '${module}';\nexport const used = m;\n`;

describe('layering rules', () => {
  it.each([
    ['src/domain/x.ts', 'mongodb'],
    ['src/domain/x.ts', 'better-sqlite3'],
    ['src/domain/x.ts', 'botbuilder'],
    ['src/domain/x.ts', '@slack/bolt'],
    ['src/domain/x.ts', 'express'],
    ['src/domain/x.ts', 'node:fs'],
    ['src/domain/x.ts', '../stores/sqlite/sqlite-store.js'],
    ['src/app/x.ts', 'mongodb'],
    ['src/app/x.ts', '../channels/slack/app.js'],
    ['src/channels/slack/x.ts', 'botbuilder'],
    ['src/channels/slack/x.ts', '@microsoft/teams-ai'],
    ['src/channels/teams/x.ts', '@slack/bolt'],
    ['src/channels/teams/x.ts', 'mongodb'],
    ['src/stores/sqlite/x.ts', 'mongodb'],
    ['src/stores/mongo/x.ts', 'better-sqlite3'],
    ['src/cards/x.ts', '@slack/bolt'],
    ['src/server.ts', 'mongodb'],
    ['src/scheduler/x.ts', 'botbuilder'],
    ['src/domain/x.ts', 'pdfkit'],
    ['src/app/x.ts', 'pdfkit'],
  ])('%s may not import %s', async (file, module) => {
    expect(await violations(file, imports(module))).not.toEqual([]);
  });

  it.each([
    ['src/domain/x.ts', 'zod'],
    ['src/domain/x.ts', 'luxon'],
    ['src/channels/teams/x.ts', 'botbuilder'],
    ['src/channels/teams/x.ts', '@microsoft/teams-ai'],
    ['src/channels/slack/x.ts', '@slack/bolt'],
    ['src/stores/mongo/x.ts', 'mongodb'],
    ['src/stores/sqlite/x.ts', 'better-sqlite3'],
    ['src/scheduler/x.ts', 'agenda'],
    ['src/scheduler/x.ts', '@agendajs/mongo-backend'],
    ['src/channels/web/plan/x.ts', 'pdfkit'],
  ])('%s may import %s', async (file, module) => {
    expect(await violations(file, imports(module))).toEqual([]);
  });
});
