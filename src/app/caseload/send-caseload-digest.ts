import type { Officer } from '../../domain/actor.js';
import { hasOversightRole } from '../../domain/actor.js';
import { localDate } from '../../domain/dates.js';
import type { Logger } from '../../observability/logger.js';
import type { Clock } from '../../ports/clock.js';
import type { Delivery } from '../../ports/messenger.js';
import type { CardDelivery } from '../delivery.js';
import { caseloadDigest } from './caseload-digest.js';
import type { CaseloadRow } from './caseload-row.js';

/**
 * The weekly run of the caseload digest: the caseload read once, one card, sent to each Virtual
 * School officer and head in the council's settings through the officers' delivery (a Teams or
 * Slack direct message by their identity there). An officer who cannot be reached is named in a
 * warning for whoever keeps the settings; the others still get theirs.
 */
export interface CaseloadDigestDeps {
  loadRows(): Promise<CaseloadRow[]>;
  officers: readonly Officer[];
  delivery: Pick<CardDelivery, 'toOfficer'>;
  clock: Clock;
  timeZone: string;
  /** PUBLIC_BASE_URL/caseload */
  caseloadUrl: string;
  logger: Pick<Logger, 'info' | 'warn'>;
}

/** What the officers' delivery keys its record of the sent card by, in place of a meeting. */
export const DIGEST_SUBJECT = { id: 'caseload-digest' } as const;

export const digestRecipients = (officers: readonly Officer[]): Officer[] => officers.filter((o) => hasOversightRole(o, 'virtual_school_officer', 'virtual_school_head'));

export async function sendCaseloadDigest(deps: CaseloadDigestDeps): Promise<Map<string, Delivery>> {
  const recipients = digestRecipients(deps.officers);
  const sent = new Map<string, Delivery>();
  if (recipients.length === 0) {
    deps.logger.info({}, 'caseload digest: no Virtual School officer in the council settings to send it to');
    return sent;
  }
  const today = localDate(deps.clock.now().toISOString(), deps.timeZone);
  const data = caseloadDigest(await deps.loadRows(), today, deps.caseloadUrl);
  const card = { name: 'caseload-digest' as const, data, text: `Virtual School caseload this week: ${data.breached} PEPs overdue by law.` };
  for (const officer of recipients) {
    const delivery = await deps.delivery.toOfficer(DIGEST_SUBJECT, officer, card, 'send');
    sent.set(officer.id, delivery);
    if (!delivery.delivered) deps.logger.warn({ officerId: officer.id, card: card.name, reason: delivery.reason }, 'virtual school officer not reachable');
  }
  deps.logger.info({ officers: recipients.length, delivered: [...sent.values()].filter((d) => d.delivered).length }, 'caseload digest sent');
  return sent;
}
