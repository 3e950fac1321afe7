import type { Logger } from '../../observability/logger.js';
import { connectorFailure } from './connector-errors.js';

/**
 * Work that follows an answer (the fan-out to everyone else) runs after the person has had their
 * response, so Teams' invoke deadline never waits for it. Failures are logged, never thrown at the
 * person; `settled()` lets shutdown and tests wait for what is still running.
 */
export class BackgroundWork {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly logger: Logger) {}

  run(label: string, ids: Record<string, string>, work: () => Promise<void>): void {
    const task = (async () => {
      try {
        await work();
      } catch (error) {
        this.logger.error({ ...ids, failure: connectorFailure(error) }, `${label} failed`);
      }
    })();
    this.running.add(task);
    void task.finally(() => this.running.delete(task));
  }

  /** Resolves once nothing is running, including work started while waiting. */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running);
  }
}
