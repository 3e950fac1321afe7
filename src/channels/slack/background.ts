import { laterTurn } from '../../app/later-turn.js';
import type { Logger } from '../../observability/logger.js';

/**
 * Work that happens after Slack has had its acknowledgement: saving and replying in place.
 * Each task starts on a later turn of the event loop than its ack, so the requests already
 * waiting are read (and acknowledged) first. Each task runs on its own; a failure is logged with the task's ids (never thrown back into Bolt,
 * whose request is long answered), and stop() waits for whatever is still running so a shutdown
 * does not cut a half-sent fan-out or close the store under it.
 */
export class BackgroundWork {
  private readonly running = new Set<Promise<void>>();

  /** `answered` runs after each task: its reply is out, so what the change queued may follow. */
  constructor(
    private readonly logger: Logger,
    private readonly answered: () => void = () => undefined,
  ) {}

  run(task: string, ids: Record<string, string | undefined>, work: () => Promise<void>): void {
    const started = laterTurn()
      .then(work)
      .catch((error: unknown) => this.logger.error({ err: error, task, ...ids }, 'slack work after the ack failed'))
      .finally(() => {
        this.running.delete(started);
        this.answered();
      });
    this.running.add(started);
  }

  /** Resolves when no task is running, including tasks started while waiting. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}
