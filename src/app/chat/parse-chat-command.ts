import { writtenDay } from '../../domain/dates.js';
import { CHILD_COMMAND_HELP, parseChildChatCommand } from './child-chat-command.js';
import type { ChildChatCommand } from './child-chat-command.js';
import { findDueDate } from './plain-dates.js';

/** Who an action is for, as typed: a platform mention the channel resolved, or a typed name. */
export type OwnerRef = { kind: 'mention'; index: number } | { kind: 'name'; text: string };

export type ChatCommand =
  | { kind: 'action'; owner: OwnerRef; description: string; dueDate: string }
  | { kind: 'goal'; title: string }
  | { kind: 'note'; text: string }
  | { kind: 'nextReview'; date: string }
  | { kind: 'link'; childRef: string }
  | { kind: 'revoke'; owner: OwnerRef }
  | { kind: 'reminders'; preview: boolean }
  | { kind: 'questions'; now: boolean }
  | ChildChatCommand
  | { kind: 'evidence'; request: boolean }
  /** Pupil Premium Plus for the plan's costed PP+ support, with the intervention as typed (else the item's own words). */
  | { kind: 'funding'; interventionType: string }
  | { kind: 'status' | 'help' | 'start' | 'review' | 'close' | 'agenda' | 'attendance' | 'submit' | 'transition' };

/** A command that could not be read: what was understood, what was not, and the text as typed. */
export interface ChatCommandProblem {
  text: string;
  understood: string[];
  missing: string[];
}

export type ParsedChatCommand = { ok: true; command: ChatCommand } | { ok: false; problem: ChatCommandProblem };

export const CHAT_COMMAND_HELP = [
  'action @person what to do by when — e.g. "action @Sam send the reading report by Friday"',
  'goal short name — opens the SMART goal form',
  'note what was said — adds a note to the record',
  'link PEP-2026-0042 — makes this chat the meeting chat for that PEP (organiser)',
  'revoke @person — switches off every secure link sent to them (organiser)',
  'agenda — shows the agenda to sign off',
  'start — starts the meeting (organiser)',
  'review — shows the last PEP\'s actions to review',
  'next review 10 March — sets the next review date (organiser)',
  'attendance — records who attended, sent apologies or a written contribution (organiser; once the meeting has started)',
  'evidence — enter this term\'s attendance, exclusions and attainment (designated teacher or organiser); "evidence request" sends the form to the designated teacher',
  'close — closes the meeting (organiser; needs the next review date)',
  'status — where the meeting is up to',
  'submit — sends the closed meeting\'s plan to the Virtual School for review (organiser)',
  'transition — the Year 9+ transition section: pathway, careers guidance, post-16 options (organiser)',
  'funding — asks the Virtual School for Pupil Premium Plus for the plan\'s costed PP+ support (organiser)',
  'reminders — every reminder this meeting will send, and when; "reminders preview" sends you each one now, marked as a preview (organiser; previews on a local trial run only)',
  'questions now — sends the carer\'s and the child\'s questions now instead of at their time (organiser)',
  CHILD_COMMAND_HELP,
  'help — this list',
];

/** Mentions reach the parser as @{0}, @{1} … so each channel resolves its own mention syntax first. */
const MENTION = /^@\{(\d+)\}\s*/;
const TYPED_NAME = /^@([\p{L}'’.-]+(?:\s[\p{Lu}][\p{L}'’.-]*)?)\s*/u;

const fail = (text: string, understood: string[], missing: string[]): ParsedChatCommand => ({ ok: false, problem: { text, understood, missing } });

function parseAction(rest: string, text: string, now: Date, timeZone: string): ParsedChatCommand {
  const understood = ['an action'];
  const missing: string[] = [];
  let owner: OwnerRef | undefined;
  let body = rest;
  const mention = MENTION.exec(body);
  const typed = mention ? undefined : TYPED_NAME.exec(body);
  if (mention) owner = { kind: 'mention', index: Number(mention[1]) };
  else if (typed?.[1]) owner = { kind: 'name', text: typed[1] };
  if (owner) {
    understood.push('who it is for');
    body = body.slice((mention ?? typed)![0].length);
  } else missing.push('who it is for (start with @ and their name)');

  const due = findDueDate(body, now, timeZone);
  if (due) {
    understood.push(`due ${writtenDay(due.date)}`);
    body = `${body.slice(0, due.index)} ${body.slice(due.index + due.phrase.length)}`;
  } else missing.push('when it is due (for example "by Friday" or "by 15 Jan")');

  const description = body.replace(/\s+/g, ' ').trim();
  if (description) understood.push('what to do');
  else missing.push('what needs doing');

  if (!owner || !due || !description) return fail(text, understood, missing);
  return { ok: true, command: { kind: 'action', owner, description, dueDate: due.date } };
}

/**
 * Reads a command typed to the bot (after the bot's own mention is removed). Words, not
 * punctuation, carry the meaning, so "Action: @Sam …" and "action @Sam …" are the same.
 */
export function parseChatCommand(input: string, now: Date, timeZone: string): ParsedChatCommand {
  const text = input.trim();
  const match = /^(next\s+review|[a-z]+)\b[:\s]*/i.exec(text);
  const verb = match?.[1]?.toLowerCase().replace(/\s+/g, ' ') ?? '';
  const rest = match ? text.slice(match[0].length).trim() : text;
  switch (verb) {
    case 'action':
      return parseAction(rest, text, now, timeZone);
    case 'goal':
      return { ok: true, command: { kind: 'goal', title: rest } };
    case 'note':
      return rest ? { ok: true, command: { kind: 'note', text: rest } } : fail(text, ['a note'], ['what the note says']);
    case 'next review': {
      const due = findDueDate(rest, now, timeZone);
      return due ? { ok: true, command: { kind: 'nextReview', date: due.date } } : fail(text, ['the next review date'], ['a date, for example "10 March"']);
    }
    case 'link': {
      const ref = /^[A-Z0-9][A-Z0-9-]{2,31}$/i.exec(rest)?.[0];
      return ref ? { ok: true, command: { kind: 'link', childRef: ref.toUpperCase() } } : fail(text, ['linking this chat to a meeting'], ['the PEP reference, for example PEP-2026-0042']);
    }
    case 'revoke': {
      const mention = MENTION.exec(rest);
      const typed = mention ? undefined : TYPED_NAME.exec(rest);
      if (mention) return { ok: true, command: { kind: 'revoke', owner: { kind: 'mention', index: Number(mention[1]) } } };
      if (typed?.[1]) return { ok: true, command: { kind: 'revoke', owner: { kind: 'name', text: typed[1] } } };
      return fail(text, ['switching off secure links'], ['whose links (start with @ and their name)']);
    }
    case 'evidence':
      if (rest && rest.toLowerCase() !== 'request') return fail(text, ['the evidence'], ['"evidence" on its own, or "evidence request"']);
      return { ok: true, command: { kind: 'evidence', request: rest !== '' } };
    case 'reminders':
    case 'questions': {
      const option = verb === 'reminders' ? 'preview' : 'now';
      if (rest && rest.toLowerCase() !== option) return fail(text, [verb], [`"${verb}" on its own, or "${verb} ${option}"`]);
      return { ok: true, command: verb === 'reminders' ? { kind: 'reminders', preview: rest !== '' } : { kind: 'questions', now: rest !== '' } };
    }
    case 'child': {
      const child = parseChildChatCommand(rest, now, timeZone);
      return child.ok ? child : fail(text, child.understood, child.missing);
    }
    case 'funding':
      return { ok: true, command: { kind: 'funding', interventionType: rest } };
    case 'submit':
    case 'transition':
    case 'status':
    case 'help':
    case 'start':
    case 'review':
    case 'close':
    case 'agenda':
    case 'attendance':
      return { ok: true, command: { kind: verb } };
    default:
      return fail(text, [], [`a command I know: ${['action', 'goal', 'note', 'link', 'revoke', 'agenda', 'start', 'review', 'attendance', 'evidence', 'next review', 'close', 'submit', 'transition', 'funding', 'status', 'reminders', 'questions', 'child', 'help'].join(', ')}`]);
  }
}
