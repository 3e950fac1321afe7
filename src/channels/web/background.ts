import type { Logger } from '../../observability/logger.js';

/**
 * The fan-out after an answer (the organiser's attendance card, the agenda in the meeting chat)
 * runs once the person has their confirmation, so a slow chat API never keeps a carer waiting.
 * A failure is logged with ids only; settled() lets shutdown and tests wait for the rest.
 */
export class BackgroundWork {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly logger: Logger) {}

  run(task: string, ids: Record<string, string>, work: () => Promise<void>): void {
    const started: Promise<void> = work()
      .catch((error: unknown) => this.logger.error({ err: error, task, ...ids }, 'web work after the answer failed'))
      .finally(() => this.running.delete(started));
    this.running.add(started);
  }

  /** Resolves when nothing is running, including work started while waiting. */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}
