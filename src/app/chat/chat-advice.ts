import { writtenDay } from '../../domain/dates.js';
import type { CommandOf } from '../../domain/commands.js';
import type { Meeting } from '../../domain/model.js';
import { startWarnings } from '../../domain/stages.js';
import type { OutboundCard } from '../../ports/messenger.js';
import { confirmationCard } from '../views/message-cards.js';
import { participant } from '../views/people.js';

/**
 * The refused action typed again with the next working day as its due date, ready to send. The
 * child is named by initials, which is all a group chat may show and all the parser needs.
 */
export function actionOnNextWorkingDay(meeting: Meeting, action: CommandOf<'captureAction'>, nextWorkingDay: string, prefix: string): string {
  const owner = participant(meeting, action.ownerId);
  const name = owner.role === 'child' ? meeting.child.initials : owner.name;
  return `${prefix}action @${name} ${action.description} by ${writtenDay(nextWorkingDay)}`;
}

const ABOUT = { date: 'Date', child: 'The child’s views' } as const;

/** What the organiser should know as the meeting starts (see startWarnings); nothing when all is as planned. */
export function startWarningCard(meeting: Meeting, at: string): OutboundCard | undefined {
  const warnings = startWarnings(meeting, at);
  if (warnings.length === 0) return undefined;
  return confirmationCard(
    'The meeting has started: please check',
    'Actions and goals can be captured now. Before you go on:',
    warnings.map((w) => ({ label: ABOUT[w.about], value: w.message })),
  );
}
