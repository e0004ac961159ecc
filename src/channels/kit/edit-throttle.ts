/**
 * A growing text (a streamed answer, progress lines) shown by editing one message at a rate
 * the platform tolerates: at most once per interval (counted from the end of the last edit),
 * only when it changed, never two edits at once (a slow call delays the next one rather than
 * piling up), and the latest text wins.
 */

/** Rate-limited view of a text being written. */
export class EditThrottle {
  private latest: string | undefined;
  private shown: string | undefined;
  private lastShownAt = Number.NEGATIVE_INFINITY;
  private timer: NodeJS.Timeout | undefined;
  private inflight: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly intervalMs: number,
    private readonly show: (text: string) => Promise<void>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Offer the text so far; it is shown now or at the next allowed moment. */
  push(text: string): void {
    if (this.closed) return;
    this.latest = text;
    if (this.timer || this.inflight) return;
    const wait = this.lastShownAt + this.intervalMs - this.now();
    if (wait <= 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Stop showing (text not yet shown is dropped: the final reply follows); resolves once any edit under way has finished. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.inflight;
  }

  private flush(): void {
    this.timer = undefined;
    if (this.closed || this.latest === undefined || this.latest === this.shown) return;
    const text = this.latest;
    this.shown = text;
    this.lastShownAt = this.now();
    // `show` logs its own failures; a failed partial must not break the turn.
    this.inflight = this.show(text).catch(() => undefined).finally(() => {
      this.inflight = undefined;
      this.lastShownAt = this.now();
      // Text that arrived during the call is shown at the next allowed moment.
      if (this.latest !== this.shown) this.push(this.latest as string);
    });
  }
}
