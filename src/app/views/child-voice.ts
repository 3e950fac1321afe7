import { FEELING_LABELS, scaleLabel } from '../../cards/data/prompt-labels.js';
import { millis } from '../../domain/dates.js';
import type { Meeting } from '../../domain/model.js';

/** What the child said before the meeting, for the agenda card and the written plan. */
export interface ChildVoiceSummary {
  /** 1 (bad) to 5 (great), as they picked it, and in words. */
  feeling: number;
  feelingText: string;
  goingWell?: string;
  hard?: string;
  want?: string;
  answeredAt: string;
}

/**
 * The child's latest answers, or undefined before they have answered. Pure, so the plan document
 * quotes exactly what the agenda card showed. Empty answers are left out: a skipped question is
 * not something the child said.
 */
export function childVoiceSummary(meeting: Meeting): ChildVoiceSummary | undefined {
  let latest: ChildVoiceSummary | undefined;
  for (const prompt of meeting.prompts) {
    const { answer, answeredAt } = prompt;
    if (answer?.kind !== 'child_voice' || !answeredAt || (latest && millis(latest.answeredAt) >= millis(answeredAt))) continue;
    const said = (text: string | undefined) => (text?.trim() ? text.trim() : undefined);
    latest = {
      feeling: answer.feeling,
      feelingText: scaleLabel(FEELING_LABELS, answer.feeling),
      goingWell: said(answer.goingWell),
      hard: said(answer.hard),
      want: said(answer.want),
      answeredAt,
    };
  }
  return latest;
}
