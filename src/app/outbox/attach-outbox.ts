import type { Logger } from '../../observability/logger.js';
import type { CardDelivery } from '../delivery.js';
import type { AppDeps } from '../deps.js';
import { spendForRequest } from '../funding-spend.js';
import { DEFAULT_LINK_DAYS } from '../secure-links.js';
import type { DeliveryWorker, OutboxTuning } from './delivery-worker.js';
import { startDeliveryWorker } from './delivery-worker.js';

export interface AttachOutboxOptions {
  delivery: CardDelivery;
  logger: Logger;
  /** PUBLIC_BASE_URL without a trailing slash. */
  publicBaseUrl: string;
  /** How long a link to a card works; the default unless the web channel sets it. */
  linkDays?: number;
  tuning?: Partial<OutboxTuning>;
}

/**
 * From here on every change made through `deps` queues the messages it promises, with the links
 * they carry, and the worker started here sends them. Reachability is the delivery's own answer.
 */
export function attachOutbox(deps: AppDeps, options: AttachOutboxOptions): DeliveryWorker {
  const { delivery } = options;
  const worker = startDeliveryWorker({
    store: deps.store,
    delivery,
    clock: deps.clock,
    logger: options.logger,
    publicBaseUrl: options.publicBaseUrl,
    tuning: options.tuning,
    officers: deps.officers,
    fundingSpend: (meeting, requestId) => spendForRequest(deps, meeting, requestId),
    // Read when a re-plan runs: the scheduler is started after the outbox.
    replan: async (meeting) => deps.onMeetingSaved?.(meeting),
  });
  deps.outbox = { reachable: (person) => delivery.messengerFor(person) !== undefined, linkDays: options.linkDays ?? DEFAULT_LINK_DAYS, wake: () => worker.wake() };
  return worker;
}
