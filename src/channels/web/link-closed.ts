import { participant } from '../../app/views/people.js';
import type { Meeting, SecureLink } from '../../domain/model.js';
import type { NoticeWords } from './link-notice.js';

type Stage = 'started' | 'finished' | 'cancelled';

const stageOf = (meeting: Meeting): Stage => {
  if (meeting.status === 'cancelled') return 'cancelled';
  return meeting.status === 'in_progress' ? 'started' : 'finished';
};

/** For the adults: what happened, and the organiser by name as the person to contact. */
const FOR_ADULTS: Record<Stage, (organiser: string) => NoticeWords> = {
  started: (organiser) => ({
    title: 'The meeting has started',
    explanation: 'This can no longer be answered here, because the meeting is taking place now.',
    next: `If there is something the meeting should hear, contact ${organiser}, who is running it.`,
  }),
  finished: (organiser) => ({
    title: 'The meeting has finished',
    explanation: 'This can no longer be answered here, because the meeting has already taken place.',
    next: `If there is something you still want to say, contact ${organiser}, who ran the meeting.`,
  }),
  cancelled: (organiser) => ({
    title: 'The meeting was cancelled',
    explanation: 'There is nothing to answer here any more.',
    next: `${organiser} will let you know if a new date is set.`,
  }),
};

/** For the child: short sentences and everyday words, and a grown-up they can tell instead. */
const FOR_THE_CHILD: Record<Stage, (organiser: string) => NoticeWords> = {
  started: (organiser) => ({
    title: 'Your meeting has started',
    explanation: 'It is too late to answer here now.',
    next: `You can still say what you think. Tell ${organiser} or a grown-up you trust.`,
  }),
  finished: (organiser) => ({
    title: 'Your meeting has finished',
    explanation: 'It is too late to answer here now.',
    next: `You can still say what you think. Tell ${organiser} or a grown-up you trust.`,
  }),
  cancelled: (organiser) => ({
    title: 'Your meeting is not happening',
    explanation: 'It has been called off, so there is nothing to answer.',
    next: `${organiser} will tell you when there is a new day for it.`,
  }),
};

/**
 * Why a good link's card can no longer be answered, said before anyone types: the meeting has
 * started, finished or been cancelled. The person followed their own link, so naming the
 * organiser to contact tells them nothing new.
 */
export function closedLinkWords(meeting: Meeting, link: SecureLink): NoticeWords {
  const organiser = participant(meeting, meeting.organiserId).name;
  const words = participant(meeting, link.participantId).role === 'child' ? FOR_THE_CHILD : FOR_ADULTS;
  return words[stageOf(meeting)](organiser);
}
