/**
 * Thread ids `slack:<channel>:<thread ts>`, and the threads where someone spoke to the bot by
 * name: their later replies in that thread reach the bot without repeating the mention, while
 * others chatting in the thread are left alone. Kept in the conversation store, so a thread
 * still reaches the bot after a restart.
 */
import type { ConversationStore } from '../../storage/index.ts';

/** How long a thread keeps reaching the bot without a mention after someone addressed it. */
const THREAD_TTL_MS = 30 * 24 * 60 * 60_000;

/** The opaque thread id of CONTRACTS: `slack:<channel>:<thread ts>`. */
export function threadIdOf(channel: string, threadTs: string): string {
  return `slack:${channel}:${threadTs}`;
}

/** Who addressed the bot in which channel thread. */
export class BotThreads {
  constructor(private readonly store: ConversationStore, private readonly now: () => number = Date.now) {}

  /** Remember that `userId` addressed the bot in this thread. */
  async add(channel: string, threadTs: string, userId: string): Promise<void> {
    await this.store.set('slack-thread', `${threadIdOf(channel, threadTs)}:${userId}`, true, this.now() + THREAD_TTL_MS);
  }

  /** Whether `userId` addressed the bot in this thread before. */
  async has(channel: string, threadTs: string, userId: string): Promise<boolean> {
    return (await this.store.get('slack-thread', `${threadIdOf(channel, threadTs)}:${userId}`)) === true;
  }
}
