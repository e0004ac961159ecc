/**
 * Threads where someone spoke to the bot by name: their later replies in that thread reach the
 * bot without repeating the mention, while others chatting in the thread are left alone.
 */

/** Bounded memory of who addressed the bot in which channel thread. */
export class BotThreads {
  private readonly threads = new Map<string, Set<string>>();

  constructor(private readonly capacity = 5000) {}

  /** Remember that `userId` addressed the bot in this thread. */
  add(channel: string, threadTs: string, userId: string): void {
    const key = `${channel}:${threadTs}`;
    const users = this.threads.get(key) ?? new Set<string>();
    users.add(userId);
    // Re-inserting moves the thread to the newest end; the oldest is dropped past capacity.
    this.threads.delete(key);
    this.threads.set(key, users);
    if (this.threads.size > this.capacity) this.threads.delete(this.threads.keys().next().value as string);
  }

  /** Whether `userId` addressed the bot in this thread before. */
  has(channel: string, threadTs: string, userId: string): boolean {
    return this.threads.get(`${channel}:${threadTs}`)?.has(userId) ?? false;
  }
}
