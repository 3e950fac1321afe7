import type { TaskModuleTaskInfo, TurnContext } from 'botbuilder';
import { INVOKE_RESPONSE_KEY } from 'botbuilder';
import { z } from 'zod';
import type { ChatMention } from '../../../app/chat/chat-people.js';
import { handleChatCommand, meetingFor } from '../../../app/chat/handle-chat-command.js';
import { findDueDate } from '../../../app/chat/plain-dates.js';
import { writtenDay } from '../../../domain/dates.js';
import { isDomainError } from '../../../domain/errors.js';
import type { IdentityQuery } from '../../../domain/identity.js';
import type { Meeting, Participant } from '../../../domain/model.js';
import type { AddActionValues } from '../add-action-dialog.js';
import { ADD_ACTION_COMMAND, addActionDialog } from '../add-action-dialog.js';
import { answerInvoke } from '../card-activity.js';
import { plainText } from '../command-text.js';
import { connectorFailure } from '../connector-errors.js';
import type { TeamsPerson } from '../conversation-directory.js';
import { chooseIdentity, identitiesOf } from '../identity-choice.js';
import type { TeamsDeps } from '../teams-turn.js';
import { chatOf, idempotencyKey, isPersonal, linkedMeeting } from '../teams-turn.js';
import type { RouteSelector, TurnRouter } from '../turn-router.js';

/** Opened from a message's "…" menu, Teams sends the message: its HTML and whom it @mentions (by object id). */
const FetchValueSchema = z.object({
  messagePayload: z
    .object({
      body: z.object({ content: z.string().max(30_000).optional() }).optional(),
      mentions: z.array(z.object({ mentioned: z.object({ id: z.string() }).loose() }).loose()).optional(),
    })
    .loose()
    .optional(),
});

/** What every compose extension invoke carries: the command, and for a bot-message preview what was done with it. */
const CommandValueSchema = z.looseObject({ commandId: z.string(), botMessagePreviewAction: z.string().optional() });

/** A dialog's submission: its inputs in `data`. */
const SubmitActionSchema = z.looseObject({ data: z.unknown().optional() });

const SubmitDataSchema = z.object({
  meetingId: z.string().min(1).max(64),
  ownerId: z.string().max(64).default(''),
  description: z.string().max(2000).default(''),
  dueDate: z.string().max(10).default(''),
});

const NO_SENDER = 'Teams did not say who you are, so PEP Bot cannot add an action.';

/**
 * "Add PEP action" from the compose box or a message's menu: a dialog with owner, action and due
 * date, whose submission is turned into the typed command ("action @{0} … by <date>") and goes
 * through exactly the same path, so the same checks, record and card updates follow.
 */
export function registerComposeExtensionRoutes(router: TurnRouter, deps: TeamsDeps): void {
  router.invoke(composeExtension('composeExtension/fetchTask'), async (context) => {
    await answerTask(context, await fetchAddAction(deps, context));
  });

  router.invoke(composeExtension('composeExtension/submitAction'), async (context) => {
    let answer: TaskModuleTaskInfo | string;
    try {
      answer = await submitAddAction(deps, context, SubmitActionSchema.parse(context.activity.value).data);
    } catch (error) {
      deps.logger.error({ activityId: context.activity.id, failure: connectorFailure(error) }, 'teams add-action submit failed');
      answer = 'PEP Bot could not add the action because of a problem on our side. Please try again in a minute.';
    }
    await answerTask(context, answer);
  });
}

/** Our command's invoke; a submit from a bot-message preview (which PEP Bot never asks for) is not ours. */
const composeExtension =
  (name: string): RouteSelector =>
  (context) => {
    const value = CommandValueSchema.safeParse(context.activity.value);
    return context.activity.name === name && value.success && value.data.commandId === ADD_ACTION_COMMAND && value.data.botMessagePreviewAction === undefined;
  };

/** A dialog answers with a message to show, or the dialog to show (again). */
async function answerTask(context: TurnContext, answer: TaskModuleTaskInfo | string): Promise<void> {
  if (context.turnState.get(INVOKE_RESPONSE_KEY)) return;
  await answerInvoke(context, { task: typeof answer === 'string' ? { type: 'message', value: answer } : { type: 'continue', value: answer } });
}

async function fetchAddAction(deps: TeamsDeps, context: TurnContext): Promise<TaskModuleTaskInfo | string> {
  try {
    const person = await deps.people.sender(context);
    if (!person) return NO_SENDER;
    const meeting = await meetingInView(deps, context, person);
    const value = FetchValueSchema.safeParse(context.activity.value);
    return addActionDialog(meeting, value.success ? prefill(deps, meeting, value.data.messagePayload) : {});
  } catch (error) {
    if (isDomainError(error)) return error.message;
    deps.logger.error({ activityId: context.activity.id, failure: connectorFailure(error) }, 'teams add-action dialog failed');
    return 'PEP Bot could not open the dialog. Please try again in a minute.';
  }
}

async function submitAddAction(deps: TeamsDeps, context: TurnContext, data: unknown): Promise<TaskModuleTaskInfo | string> {
  const person = await deps.people.sender(context);
  if (!person) return NO_SENDER;
  const parsed = SubmitDataSchema.safeParse(data);
  const meeting = parsed.success ? await deps.app.store.getMeeting(parsed.data.meetingId) : undefined;
  if (!parsed.success || !meeting) return 'That dialog is out of date: open "Add PEP action" again.';
  const values = parsed.data;
  const owner = meeting.participants.find((p) => p.id === values.ownerId);
  if (!owner) return addActionDialog(meeting, values, ['Choose who will do it.']);
  const named = ownerReference(owner);
  const result = await handleChatCommand(deps.app, deps.delivery, {
    text: `action ${named.text} ${values.description} by ${values.dueDate}`,
    mentions: named.mentions,
    actor: await chooseIdentity(identitiesOf(person), { meeting, store: deps.app.store }),
    chat: chatOf(context),
    isGroupChat: !isPersonal(context),
    idempotencyKey: idempotencyKey(context, person),
  });
  if (result.reply?.name === 'error') return addActionDialog(meeting, values, errorLines(result.reply.data));
  return `Action added for ${owner.role === 'child' ? meeting.child.initials : owner.name}, due ${writtenDay(values.dueDate)}.`;
}

/** The chat's meeting, else the person's one open meeting (the same rule typed commands follow). */
async function meetingInView(deps: TeamsDeps, context: TurnContext, person: TeamsPerson): Promise<Meeting> {
  const linked = await linkedMeeting(deps, context);
  if (linked) return linked;
  const actor = await chooseIdentity(identitiesOf(person), { store: deps.app.store });
  return meetingFor(deps.app, deps.delivery, { actor, chat: chatOf(context) });
}

/** From the selected message: its words as the action, a date in it as the due date, a participant it mentions as the owner. */
function prefill(deps: TeamsDeps, meeting: Meeting, message: z.infer<typeof FetchValueSchema>['messagePayload']): AddActionValues {
  if (!message) return {};
  const text = plainText(message.body?.content ?? '').slice(0, 2000);
  const due = findDueDate(text, deps.app.clock.now(), meeting.timeZone);
  const mentioned = new Set((message.mentions ?? []).map((m) => m.mentioned.id));
  const owner = meeting.participants.find((p) => p.teamsAadObjectId && mentioned.has(p.teamsAadObjectId));
  const description = due ? `${text.slice(0, due.index)} ${text.slice(due.index + due.phrase.length)}`.replace(/\s+/g, ' ').trim() : text;
  return { ownerId: owner?.id, description, dueDate: due?.date };
}

/**
 * The chosen owner as the typed command names them: an @mention of an identity the meeting holds,
 * or, for someone with no account at all (a child, a carer on the web link), their initials.
 */
function ownerReference(owner: Participant): { text: string; mentions: ChatMention[] } {
  const identities: (IdentityQuery | undefined)[] = [
    owner.teamsAadObjectId ? { kind: 'teamsAad', teamsAadObjectId: owner.teamsAadObjectId } : undefined,
    owner.email ? { kind: 'email', email: owner.email } : undefined,
    owner.slackUserId ? { kind: 'slack', slackUserId: owner.slackUserId } : undefined,
    owner.teamsUserId ? { kind: 'teams', teamsUserId: owner.teamsUserId } : undefined,
  ];
  const identity = identities.find((i) => i !== undefined);
  return identity ? { text: '@{0}', mentions: [{ ...identity, name: owner.name }] } : { text: `@${owner.initials}`, mentions: [] };
}

/** The error card's message and problems, as lines above the re-shown dialog. */
function errorLines(data: unknown): string[] {
  const parsed = z.object({ message: z.string(), problems: z.array(z.string()).default([]) }).safeParse(data);
  return parsed.success ? [parsed.data.message, ...parsed.data.problems] : ['That did not go through. Check the fields and try again.'];
}
