import type { Activity } from 'botbuilder';
import { z } from 'zod';

const MentionSchema = z.object({
  type: z.literal('mention'),
  text: z.string().min(1),
  mentioned: z.object({ id: z.string().min(1) }),
});

interface CommandText {
  /** The command as the shared parser reads it: the bot's mention gone, others as @{0}, @{1} … */
  text: string;
  /** The Teams user id behind @{i}. */
  mentionedUserIds: string[];
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
 * "action @{0} send the report by Friday" with Sam's user id as mention 0.
 */
export function commandText(activity: Pick<Activity, 'text' | 'entities' | 'recipient'>): CommandText {
  let text = activity.text ?? '';
  const mentionedUserIds: string[] = [];
  for (const entity of activity.entities ?? []) {
    const mention = MentionSchema.safeParse(entity);
    if (!mention.success) continue;
    const { text: tag, mentioned } = mention.data;
    if (mentioned.id === activity.recipient?.id) {
      text = text.replace(tag, ' ');
      continue;
    }
    let index = mentionedUserIds.indexOf(mentioned.id);
    if (index < 0) index = mentionedUserIds.push(mentioned.id) - 1;
    text = text.replace(tag, ` @{${index}} `);
  }
  return { text: plainText(text), mentionedUserIds };
}
