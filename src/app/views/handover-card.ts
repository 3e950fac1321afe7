import type { Meeting } from '../../domain/model.js';
import type { OutboundCard } from '../../ports/messenger.js';
import { childTag } from './people.js';
import type { FormState } from './preparation-cards.js';

/** After a change of school, to the organiser: confirm the new designated teacher and invite them to `meeting`, the child's next PEP. */
export function handoverCard(meeting: Meeting, school: string, clock: string, form: FormState = {}): OutboundCard {
  return {
    name: 'handover',
    text: `${meeting.child.initials} (${meeting.child.ref}) has moved school: invite the new designated teacher to the next PEP.`,
    data: {
      meetingId: meeting.id,
      child: childTag(meeting),
      school,
      startsAt: meeting.startsAt,
      durationMinutes: meeting.durationMinutes,
      timeZone: meeting.timeZone,
      clock,
      values: form.values,
      errors: form.errors,
    },
  };
}
