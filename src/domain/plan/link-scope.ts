import type { SecureLink } from '../model.js';

/**
 * What a plan link shows about the child, kept in the link's itemId (for a plan link, "the item"
 * is the view it opens). The full details (name, date of birth, school) go only to a link sent to
 * the person's own Teams or Slack direct message, where the channel has authenticated them; a link
 * that travels any other way (an email can be forwarded) shows initials and the PEP reference.
 */
export const PLAN_LINK_SCOPES = ['full', 'initials'] as const;
export type PlanLinkScope = (typeof PLAN_LINK_SCOPES)[number];

export const isPlanLinkScope = (itemId: string | undefined): boolean => itemId === undefined || (PLAN_LINK_SCOPES as readonly string[]).includes(itemId);

/** A plan link issued without a scope shows the least. */
export const showsChildDetails = (link: SecureLink): boolean => link.purpose === 'plan' && link.itemId === 'full';
