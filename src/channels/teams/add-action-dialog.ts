import type { TaskModuleTaskInfo } from 'botbuilder';
import { CardFactory } from 'botbuilder';
import type { Meeting } from '../../domain/model.js';
import { ROLE_LABELS } from '../../domain/roles.js';

/** The compose-box command id, as in manifest/teams/manifest.json. */
export const ADD_ACTION_COMMAND = 'addAction';

export interface AddActionValues {
  ownerId?: string;
  description?: string;
  dueDate?: string;
}

/**
 * The "Add PEP action" dialog: owner, action, due date. It is shown in whatever chat the compose
 * box belongs to, so people appear as a group chat may show them (the child by initials only).
 * A Teams dialog rather than a catalogue card: only Teams has dialogs.
 */
export function addActionDialog(meeting: Meeting, values: AddActionValues = {}, errors: string[] = []): TaskModuleTaskInfo {
  const choices = meeting.participants.map((p) => ({
    title: `${p.role === 'child' ? meeting.child.initials : p.name} (${ROLE_LABELS[p.role].toLowerCase()})`,
    value: p.id,
  }));
  const card = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.4',
    body: [
      { type: 'TextBlock', text: `New action for ${meeting.child.initials} (${meeting.child.ref})`, weight: 'bolder', size: 'medium', wrap: true },
      ...errors.map((error) => ({ type: 'TextBlock', text: error, color: 'attention', wrap: true })),
      { type: 'Input.ChoiceSet', id: 'ownerId', label: 'Who will do it', isRequired: true, errorMessage: 'Choose who will do it.', choices, value: values.ownerId ?? '' },
      { type: 'Input.Text', id: 'description', label: 'What needs doing', isMultiline: true, maxLength: 2000, isRequired: true, errorMessage: 'Say what needs doing.', value: values.description ?? '' },
      { type: 'Input.Date', id: 'dueDate', label: 'Due by', isRequired: true, errorMessage: 'Choose the due date.', value: values.dueDate ?? '' },
    ],
    actions: [{ type: 'Action.Submit', title: 'Add the action', data: { meetingId: meeting.id } }],
  };
  return { title: 'Add PEP action', width: 'medium', height: 'medium', card: CardFactory.adaptiveCard(card) };
}
