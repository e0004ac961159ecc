/**
 * Turns of one conversation run one after another, different conversations at the same time,
 * so one slow answer never holds up another chat and two messages of one chat are answered
 * in order. `idle()` waits for every turn under way (for tests and a clean stop).
 */

/** Work under way, so a stop can wait for it. */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  /** Track `work` until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    void work.then(
      () => this.running.delete(work),
      () => this.running.delete(work),
    );
    return work;
  }

  /** Resolves when nothing tracked is running (work started meanwhile is waited for too). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}

/** Per-conversation serial queue. */
export class TurnQueue {
  private readonly tails = new Map<string, Promise<unknown>>();
  private readonly inFlight = new InFlight();

  /** `onError` hears about pushed work that threw (turns have their own boundary; this is the last net). */
  constructor(private readonly onError: (error: unknown) => void = () => undefined) {}

  /** Run `work` after the earlier turns of `conversation`; its result (or failure) is the caller's. */
  run<T>(conversation: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(conversation) ?? Promise.resolve();
    // A failed turn must not stop the ones queued behind it.
    const next = previous.catch(() => undefined).then(work);
    this.tails.set(conversation, next);
    void next.catch(() => undefined).finally(() => {
      if (this.tails.get(conversation) === next) this.tails.delete(conversation);
    });
    return this.inFlight.track(next);
  }

  /** Queue `work` behind the earlier turns of `conversation`, without waiting for it. */
  push(conversation: string, work: () => Promise<void>): void {
    void this.run(conversation, work).catch((error: unknown) => this.onError(error));
  }

  /** Resolves when no turn is queued or running. */
  async idle(): Promise<void> {
    await this.inFlight.idle();
  }
}
