/**
 * How far a build worker lags behind the ingest feeding it. The worker acknowledges each batch
 * it has taken in (`{ type: 'done', count }`); the ingest waits before storing more while too
 * much is queued, so a million passages never sit in the worker's message queue at once (their
 * texts and vectors were most of the bench's peak memory). A worker that failed or stopped
 * releases every waiter: the ingest goes on and the index is rebuilt at the next sync.
 */
import type { Worker } from 'node:worker_threads';

/** Items sent to a worker and not yet acknowledged. */
export class WorkerBacklog {
  private queued = 0;
  private stopped = false;
  /** Whether `below` took a ref on the worker for its waiters. */
  private held = false;
  private waiters: Array<{ limit: number; resolve: () => void }> = [];

  constructor(private readonly worker: Worker) {
    worker.on('message', (message: { type?: string; count?: number }) => {
      if (message?.type !== 'done') return;
      this.queued -= message.count ?? 0;
      this.release();
    });
    worker.on('error', () => this.stop());
    worker.on('exit', () => this.stop());
  }

  /** `count` more items were posted. */
  sent(count: number): void {
    this.queued += count;
  }

  /** Items posted and not yet acknowledged. */
  get pending(): number {
    return this.queued;
  }

  /** Resolves once at most `limit` items are queued (at once when the worker stopped). */
  below(limit: number): Promise<void> {
    if (this.stopped || this.queued <= limit) return Promise.resolve();
    // The worker is unref'd (it never keeps a process alive alone); while someone waits for
    // it, it must, or a CLI ingest would end with its promise never settled.
    if (!this.held) this.worker.ref();
    this.held = true;
    return new Promise((resolve) => this.waiters.push({ limit, resolve }));
  }

  /** The worker is gone (cancelled, finished or failed): nobody waits for it any longer. */
  stop(): void {
    this.stopped = true;
    this.release();
  }

  private release(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const waiter of waiting) {
      if (this.stopped || this.queued <= waiter.limit) waiter.resolve();
      else this.waiters.push(waiter);
    }
    // Only the ref taken here is given back: a listener awaiting the worker's reply holds its own.
    if (this.held && !this.waiters.length) {
      this.held = false;
      this.worker.unref();
    }
  }
}
