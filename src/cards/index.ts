/**
 * The card service: one catalogue of Adaptive Card templates, rendered for Teams, Slack and the
 * web, and one parser for whatever comes back when someone presses a button.
 */
export type { AdaptiveCard } from './adaptive-card.js';
export type { CardData, CardName } from './catalogue.js';
export { CARD_NAMES, GROUP_CARDS, isCardName, REFRESHABLE_CARDS } from './catalogue.js';
export type { CardErrorCode, FieldProblem } from './errors.js';
export { CardError, isCardError } from './errors.js';
export { renderCard } from './render-card.js';
export type { SlackBlock, SlackMessage, SlackSurface } from './slack-blocks.js';
export { renderSlackMessage, toSlackMessage, verbFromActionId } from './slack-blocks.js';
export { slackStateToInputs } from './slack-state.js';
export type { TeamsAttachment, TeamsCardOptions } from './teams-card.js';
export { renderTeamsCard, TEAMS_CARD_MAX_BYTES } from './teams-card.js';
export type { CardSubmission, CardVerb, ParsedCardAction } from './verbs.js';
export { CARD_VERBS, mergeSubmission, parseCardAction } from './verbs.js';
