/**
 * Turns of one conversation run one after another, different conversations at the same time,
 * so one slow answer never holds up another chat and two messages of one chat are answered
 * in order. `idle()` waits for every turn under way (for tests and a clean stop).
 */

/** Per-conversation serial queue. */
export class TurnQueue {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly running = new Set<Promise<void>>();

  /** `onError` hears about work that threw (turns have their own boundary; this is the last net). */
  constructor(private readonly onError: (error: unknown) => void) {}

  /** Queue `work` behind the earlier turns of `conversation`. */
  push(conversation: string, work: () => Promise<void>): void {
    const previous = this.tails.get(conversation) ?? Promise.resolve();
    const next = previous.then(work).catch((error: unknown) => this.onError(error));
    this.tails.set(conversation, next);
    this.running.add(next);
    void next.finally(() => {
      this.running.delete(next);
      if (this.tails.get(conversation) === next) this.tails.delete(conversation);
    });
  }

  /** Resolves when no turn is queued or running. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
