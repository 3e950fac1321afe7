import type { Activity } from 'botbuilder';
import { z } from 'zod';

const MentionSchema = z.object({
  type: z.literal('mention'),
  text: z.string().min(1),
  mentioned: z.object({ id: z.string().min(1), name: z.string().optional() }),
});

interface CommandText {
  /** The command as the shared parser reads it: the bot's mention gone, others as @{0}, @{1} … */
  text: string;
  /** The Teams user behind @{i}, with the name Teams showed when it was picked from the @-list. */
  mentioned: { userId: string; name: string }[];
}

const ENTITIES: Record<string, string> = { '&nbsp;': ' ', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'" };

/** Teams sends typed text with light HTML (<p>, <br>, entities): the command is the words. */
export const plainText = (html: string): string =>
  html
    .replace(/<br\s*\/?>|<\/p>|<\/div>/gi, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&(nbsp|amp|lt|gt|quot|#39|apos);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\s+/g, ' ')
    .trim();

/**
 * "<at>PEP Bot</at> action <at>Sam Patel</at> send the report by Friday" becomes
 * "action @{0} send the report by Friday" with Sam's user id and name as mention 0.
 */
export function commandText(activity: Pick<Activity, 'text' | 'entities' | 'recipient'>): CommandText {
  let text = activity.text ?? '';
  const mentioned: CommandText['mentioned'] = [];
  for (const entity of activity.entities ?? []) {
    const mention = MentionSchema.safeParse(entity);
    if (!mention.success) continue;
    const { text: tag, mentioned: person } = mention.data;
    if (person.id === activity.recipient?.id) {
      text = text.replace(tag, ' ');
      continue;
    }
    let index = mentioned.findIndex((m) => m.userId === person.id);
    // The entity's name is the person's whole display name; the tag may have been shortened to "Adele".
    if (index < 0) index = mentioned.push({ userId: person.id, name: person.name?.trim() || plainText(tag) }) - 1;
    text = text.replace(tag, ` @{${index}} `);
  }
  return { text: plainText(text), mentioned };
}
