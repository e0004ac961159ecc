/**
 * Thread ids `slack:<channel>:<thread ts>`, and the threads where someone spoke to the bot by
 * name: their later replies in that thread reach the bot without repeating the mention, while
 * others chatting in the thread are left alone.
 */
import { BoundedMap } from '../kit/index.ts';

/** The opaque thread id of CONTRACTS: `slack:<channel>:<thread ts>`. */
export function threadIdOf(channel: string, threadTs: string): string {
  return `slack:${channel}:${threadTs}`;
}

/** Bounded memory of who addressed the bot in which channel thread. */
export class BotThreads {
  private readonly threads = new BoundedMap<string, ReadonlySet<string>>(5_000);

  /** Remember that `userId` addressed the bot in this thread. */
  add(channel: string, threadTs: string, userId: string): void {
    const key = threadIdOf(channel, threadTs);
    this.threads.set(key, new Set(this.threads.get(key)).add(userId));
  }

  /** Whether `userId` addressed the bot in this thread before. */
  has(channel: string, threadTs: string, userId: string): boolean {
    return this.threads.get(threadIdOf(channel, threadTs))?.has(userId) ?? false;
  }
}
