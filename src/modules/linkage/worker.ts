/**
 * The in-process matcher: woken after a request that may have changed a person has been answered (so its
 * transaction has committed), and once at start-up to catch up with whatever was queued while no server
 * ran. `setu jobs run` drains the same queue from outside; the queue's leases keep them apart.
 */
import type { Database } from '../../db/database.ts';
import { drainMatchQueue, type DrainSummary } from './matcher.ts';

export class MatchWorker {
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly log: (message: string, error?: unknown) => void = () => undefined,
  ) {}

  /** Starts a drain unless one is running, in which case that one goes round once more. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = undefined;
    });
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        const summary: DrainSummary = await drainMatchQueue(this.db, { shouldStop: () => this.stopped });
        if (summary.failed > 0) this.log(`linkage: ${String(summary.failed)} person(s) could not be matched`);
      } catch (error) {
        this.log('linkage: matching failed', error);
      }
    } while (this.goAgain());
  }

  // A method, so the compiler does not narrow `again` to the false it was set to before the drain.
  private goAgain(): boolean {
    return this.again && !this.stopped;
  }

  /** Resolves when no drain is running (tests, and shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.idle();
  }
}
