import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { CHAT_COMMAND_HELP, parseChatCommand } from '../../../src/app/chat/parse-chat-command.js';
import { ADD_ACTION_COMMAND } from '../../../src/channels/teams/add-action-dialog.js';
import { NEW_MEETING } from '../../../src/channels/teams/routes/message-routes.js';
import { MANIFEST_DIR, buildManifest, packageTeamsApp, validateManifest } from '../../../scripts/teams-manifest.js';

/**
 * The Teams app manifest: valid against Microsoft's schema for its version (from
 * @microsoft/app-manifest, nothing downloaded), and saying only what the code does.
 */
const values = { botId: '11111111-1111-4111-8111-111111111111', publicBaseUrl: 'https://pep.example.org', version: '0.1.0' };
const manifest = buildManifest(values) as {
  manifestVersion: string;
  id: string;
  validDomains: string[];
  bots: { botId: string; scopes: string[]; commandLists: { scopes: string[]; commands: { title: string }[] }[] }[];
  composeExtensions: { botId: string; commands: { id: string; type: string; fetchTask: boolean; context: string[] }[] }[];
};

/** The typed commands in the help text, by their verb ("next review 10 March — …" → "next review"). */
const helpVerbs = CHAT_COMMAND_HELP.map((line) => /^(next review|[a-z]+)/.exec(line)![1]!);
/**
 * Teams lists at most ten commands per scope: "review" is typed, and shown by "help", but not
 * listed in the meeting chat; "revoke", "reminders", "questions" and "child" belong in the organiser's 1:1
 * chat, as do "submit", "transition" and "funding" (the plan after the meeting, with the Virtual School),
 * and "attendance" and "evidence" (one person's to fill in: the organiser's record, the teacher's figures).
 */
const UNLISTED = ['revoke', 'review', 'attendance', 'evidence', 'submit', 'transition', 'funding', 'reminders', 'questions', 'child'];

const understood = (title: string) => {
  if (NEW_MEETING.test(title)) return true;
  const parsed = parseChatCommand(title, new Date('2026-11-25T10:00:00Z'), 'Europe/London');
  // Commands that need more words are understood but incomplete; only an unknown verb is refused outright.
  return parsed.ok || parsed.problem.understood.length > 0;
};

describe('the Teams app manifest', () => {
  it('is valid against the official schema for its version, which is a current one', async () => {
    expect(Number(manifest.manifestVersion.split('.')[1])).toBeGreaterThanOrEqual(22);
    expect(await validateManifest(manifest)).toEqual([]);
    // The check bites: a command list over Teams' limit is refused.
    const tooMany = structuredClone(manifest);
    tooMany.bots[0]!.commandLists[0]!.commands.push(...Array.from({ length: 5 }, (_, i) => ({ title: `extra${i}`, description: 'x' })));
    expect(await validateManifest(tooMany)).not.toEqual([]);
  });

  it('names the configured bot, its domain, and the three scopes', () => {
    expect(manifest.id).toBe(values.botId);
    expect(manifest.bots.map((b) => b.botId)).toEqual([values.botId]);
    expect(manifest.composeExtensions.map((c) => c.botId)).toEqual([values.botId]);
    expect(manifest.validDomains).toEqual(['pep.example.org']);
    expect(manifest.bots[0]!.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
  });

  it('lists only commands the code handles, and every typed command in group chats', () => {
    const lists = manifest.bots[0]!.commandLists;
    for (const title of lists.flatMap((l) => l.commands.map((c) => c.title))) expect(understood(title), title).toBe(true);
    const group = lists.find((l) => l.scopes.includes('groupChat'))!.commands.map((c) => c.title);
    expect(helpVerbs.filter((verb) => !group.includes(verb))).toEqual(UNLISTED);
    expect(lists.find((l) => l.scopes.includes('personal'))!.commands.map((c) => c.title)).toContain('new');
  });

  it('declares the "Add PEP action" dialog the code answers', () => {
    expect(manifest.composeExtensions[0]!.commands).toEqual([expect.objectContaining({ id: ADD_ACTION_COMMAND, type: 'action', fetchTask: true })]);
  });

  it('packages the manifest and both icons at the root of the zip', async () => {
    const zip = await JSZip.loadAsync(await packageTeamsApp(values));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(JSON.parse(await zip.file('manifest.json')!.async('string'))).toMatchObject({ id: values.botId });
  });
});

/** Width, height and RGBA pixels of an unfiltered 8-bit RGBA PNG, as scripts/teams-icons.ts writes them. */
function readPng(file: string): { width: number; height: number; pixels: number[][] } {
  const png = readFileSync(join(MANIFEST_DIR, file));
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect([png[24], png[25]], `${file}: 8-bit RGBA`).toEqual([8, 6]);
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const pixels: number[][] = [];
  for (let y = 0; y < height; y++) {
    const row = raw.subarray(y * (width * 4 + 1), (y + 1) * (width * 4 + 1));
    expect(row[0], `${file}: unfiltered scanlines`).toBe(0);
    for (let x = 0; x < width; x++) pixels.push([...row.subarray(1 + x * 4, 5 + x * 4)]);
  }
  return { width, height, pixels };
}

describe('the Teams icons', () => {
  it('colour is 192×192 and opaque', () => {
    const { width, height, pixels } = readPng('color.png');
    expect([width, height]).toEqual([192, 192]);
    expect(pixels.every((p) => p[3] === 255)).toBe(true);
  });

  it('outline is 32×32, white on transparent', () => {
    const { width, height, pixels } = readPng('outline.png');
    expect([width, height]).toEqual([32, 32]);
    expect(pixels.every(([r, g, b, a]) => a === 0 || (r === 255 && g === 255 && b === 255 && a === 255))).toBe(true);
    expect(pixels.some((p) => p[3] === 255)).toBe(true);
  });
});
