import type { Meeting } from '../../../src/domain/model.js';
import type { Block, SlackMessageNow, SlackUser } from './slack-api-stub.js';
import { buttons } from './slack-api-stub.js';
import type { SendOptions, SlackAnswer, SlackSender } from './signed-requests.js';
import type { SlackHarness } from './slack-harness.js';
import { CHRIS, DANA, SAM } from './slack-harness.js';

/**
 * What people do in Slack, as the requests Slack would send: typing /pep, filling in the modal
 * that was opened, pressing a button on a message that was posted. Buttons and inputs are read
 * from the blocks the bot really sent, so the tests click what a person would see.
 */
let sequence = 0;
const next = (prefix: string) => `${prefix}${++sequence}`;

/** What the scenes need of a running Slack side: the signed sender, the API stub, and a way to wait for after-ack work. */
export type SlackSide = Pick<SlackHarness, 'slack' | 'stub' | 'settle'>;

export interface Typed {
  answer: SlackAnswer;
  /** The response URL id: what the typist alone was shown is at stub.respondedTo(id). */
  responseId: string;
  triggerId: string;
}

export async function type(h: Pick<SlackSide, 'stub'> & { slack: Pick<SlackSender, 'command'> }, user: SlackUser, conversationId: string, text: string, options: SendOptions & { triggerId?: string } = {}): Promise<Typed> {
  const responseId = next('cmd');
  const triggerId = options.triggerId ?? next('trigger.');
  const answer = await h.slack.command(
    {
      token: 'deprecated-verification-token',
      team_id: 'T0TEAM',
      channel_id: conversationId,
      channel_name: conversationId.startsWith('D') ? 'directmessage' : 'pep-meetings',
      user_id: user.id,
      user_name: user.name.split(' ')[0]!.toLowerCase(),
      command: '/pep',
      text,
      api_app_id: 'A0PEP',
      response_url: h.stub.responseUrl(responseId),
      trigger_id: triggerId,
    },
    options,
  );
  return { answer, responseId, triggerId };
}

type Answers = Record<string, string>;

/**
 * Slack's state for these answers, shaped by each input block's element type; an input not
 * answered keeps what it was drawn with, as it does in Slack.
 */
export function fillIn(blocks: readonly Block[], answers: Answers): Record<string, Record<string, unknown>> {
  const values: Record<string, Record<string, unknown>> = {};
  for (const block of blocks) {
    if (block.type !== 'input') continue;
    const { block_id: blockId, element } = block as unknown as { block_id: string; element: InputElement };
    const answer = answers[element.action_id] ?? initialValue(element);
    values[blockId] = { [element.action_id]: stateOf(element.type, answer) };
  }
  return values;
}

interface InputElement {
  type: string;
  action_id: string;
  initial_value?: string;
  initial_date?: string;
  initial_option?: { value: string };
  initial_options?: { value: string }[];
}

const initialValue = (e: InputElement): string | undefined =>
  e.initial_value ?? e.initial_date ?? e.initial_option?.value ?? e.initial_options?.map((o) => o.value).join(',');

function stateOf(type: string, answer: string | undefined): Record<string, unknown> {
  switch (type) {
    case 'datepicker':
      return { type, selected_date: answer ?? null };
    case 'static_select':
    case 'radio_buttons':
      return { type, selected_option: answer === undefined ? null : { value: answer, text: { type: 'plain_text', text: answer } } };
    case 'checkboxes':
    case 'multi_static_select':
      return { type, selected_options: answer ? answer.split(',').map((value) => ({ value })) : [] };
    default:
      return { type, value: answer ?? null };
  }
}

/** /pep new, and the modal Slack was asked to open. */
export async function openMeetingForm(h: SlackSide, user: SlackUser = SAM): Promise<{ viewId: string; blocks: Block[] }> {
  const typed = await type(h, user, 'D0SAM', 'new');
  if (typed.answer.status !== 200) throw new Error(`/pep new answered ${typed.answer.status}`);
  await h.settle();
  const opened = h.stub.callsOf('views.open').at(-1)!;
  return { viewId: String((opened.result?.view as { id: string }).id), blocks: (opened.args.view as { blocks: Block[] }).blocks };
}

export async function submitForm(h: SlackSide, form: { viewId: string; blocks: Block[] }, answers: Answers, user: SlackUser = SAM, options: SendOptions & { triggerId?: string } = {}): Promise<SlackAnswer> {
  return h.slack.interaction(
    {
      type: 'view_submission',
      team: { id: 'T0TEAM' },
      user: { id: user.id, username: user.name.split(' ')[0]!.toLowerCase(), name: user.name.split(' ')[0]!.toLowerCase(), team_id: 'T0TEAM' },
      api_app_id: 'A0PEP',
      trigger_id: options.triggerId ?? next('trigger.'),
      view: { id: form.viewId, type: 'modal', callback_id: 'meeting.create', hash: next('hash.'), state: { values: fillIn(form.blocks, answers) } },
    },
    options,
  );
}

export const FORM: Answers = {
  childRef: 'PEP-2026-0042',
  childInitials: 'JD',
  yearGroup: '7',
  date: '2026-12-04',
  time: '10:00',
  durationMinutes: '60',
  onlineUrl: 'https://teams.example.org/meet/pep-0042',
  organiserRole: 'social_worker',
  participants: [
    `${DANA.name}, ${DANA.email}, designated_teacher`,
    `${CHRIS.name}, ${CHRIS.email}, carer`,
    'Jordan, child',
  ].join('\n'),
};

/** Scene 1's happy path, for the scenes that start from an invited meeting. */
export async function createMeeting(h: SlackHarness): Promise<Meeting> {
  const form = await openMeetingForm(h);
  await submitForm(h, form, FORM);
  await h.settle();
  const [meeting] = await h.store.meetingsOfParticipant({ kind: 'slack', slackUserId: SAM.id });
  if (!meeting) throw new Error('the form did not create a meeting');
  return meeting;
}

export interface Clicked {
  answer: SlackAnswer;
  responseId: string;
}

/** A press on the button for `verb` in `message`, with these inputs typed into the message. */
export async function click(
  h: SlackSide,
  user: SlackUser,
  message: SlackMessageNow,
  verb: string,
  options: SendOptions & { inputs?: Answers; title?: string; actionTs?: string; ephemeral?: boolean } = {},
): Promise<Clicked> {
  const button = buttons(message.blocks).find((b) => b.verb === verb && (options.title === undefined || b.title === options.title));
  if (!button) throw new Error(`no "${verb}" button${options.title ? ` titled ${options.title}` : ''} in the message`);
  const responseId = next('click');
  const answer = await h.slack.interaction(
    {
      type: 'block_actions',
      team: { id: 'T0TEAM' },
      user: { id: user.id, username: user.name.split(' ')[0]!.toLowerCase(), team_id: 'T0TEAM' },
      api_app_id: 'A0PEP',
      trigger_id: next('trigger.'),
      container: { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: options.ephemeral ?? false },
      channel: { id: message.channel },
      message: { type: 'message', ts: message.ts, text: message.text, blocks: message.blocks },
      response_url: h.stub.responseUrl(responseId),
      state: { values: fillIn(message.blocks, options.inputs ?? {}) },
      actions: [{ type: 'button', action_id: button.action_id, block_id: button.block_id ?? 'b', value: button.value, text: { type: 'plain_text', text: button.title }, action_ts: options.actionTs ?? next('1700000000.') }],
    },
    options,
  );
  return { answer, responseId };
}

/** What the typist or clicker alone was shown through the response URL, as blocks. */
export function shownOnlyTo(h: SlackSide, responseId: string): { body: Record<string, unknown>; blocks: Block[] }[] {
  return h.stub.respondedTo(responseId).map((body) => ({ body, blocks: (body.blocks as Block[] | undefined) ?? [] }));
}

/** The organiser makes `chat` the meeting chat, locks the agenda there and starts the meeting. */
export async function linkLockAndStart(h: SlackSide, chat: string): Promise<void> {
  await type(h, SAM, chat, 'link PEP-2026-0042');
  await h.settle();
  await lockAnyway(h, chat);
  await type(h, SAM, chat, 'start');
  await h.settle();
}

/** The organiser presses Lock on the channel's agenda, is asked first (only they see it), and locks anyway. */
export async function lockAnyway(h: SlackSide, chat: string): Promise<{ asked: Block[] }> {
  const pressed = await click(h, SAM, h.stub.messageWith(chat, 'agenda.lock'), 'agenda.lock');
  await h.settle();
  const [question] = shownOnlyTo(h, pressed.responseId);
  if (!question) throw new Error('pressing Lock showed the organiser nothing');
  const ephemeral = { channel: chat, ts: '1700000000.888', text: 'agenda', blocks: question.blocks };
  await click(h, SAM, ephemeral, 'agenda.lock', { title: 'Lock the agenda anyway', ephemeral: true });
  await h.settle();
  return { asked: question.blocks };
}

/** The meeting form as Sam fills it for JD's PEP on 10 December at 10:00 online, people one per line. */
export const samsMeetingForm = (participants: readonly string[]): Answers => ({
  childRef: 'PEP-2026-0042',
  childInitials: 'JD',
  yearGroup: '7',
  date: '2026-12-10',
  time: '10:00',
  durationMinutes: '60',
  onlineUrl: 'https://teams.example.org/meet/pep-0042',
  organiserRole: 'social_worker',
  participants: participants.join('\n'),
});
