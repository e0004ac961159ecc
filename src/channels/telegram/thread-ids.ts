/**
 * Thread ids `telegram:<chat id>:<thread>`: `<thread>` is a forum topic's id, the root
 * message of a reply chain, or `main` for the chat's ordinary flow.
 */
import type { ConversationStore } from '../../storage/index.ts';

/** A Telegram thread id taken apart. */
export interface TelegramThread {
  readonly chatId: number;
  /** Topic id or reply-chain root message id, or `main`. */
  readonly thread: string;
}

/** Build the opaque thread id the assistant keeps memory under. */
export function formatThreadId(chatId: number, thread: string): string {
  return `telegram:${chatId}:${thread}`;
}

/** Read a thread id back; `undefined` when it is not a Telegram one. */
export function parseThreadId(threadId: string): TelegramThread | undefined {
  const match = /^telegram:(-?\d+):(main|\d+)$/.exec(threadId);
  if (!match) return undefined;
  return { chatId: Number(match[1]), thread: match[2] };
}

/** How long a reply chain is remembered after its last message. */
const CHAIN_TTL_MS = 30 * 24 * 60 * 60_000;

/**
 * The key under which the channel remembers which thread a message belongs to, so a reply to
 * any message of a chain (the user's or the bot's) continues that chain's conversation.
 */
export function chainKey(chatId: number, messageId: number): string {
  return `${chatId}:${messageId}`;
}

/**
 * Remembers which thread each message belongs to, so a reply to any message of a chain
 * (the user's or the bot's) continues that chain's conversation, after a restart too.
 */
export class ReplyChains {
  constructor(private readonly store: ConversationStore, private readonly now: () => number = Date.now) {}

  /** The thread a message belongs to, if it was seen. */
  async get(chatId: number, messageId: number): Promise<string | undefined> {
    const thread = await this.store.get('telegram-chain', chainKey(chatId, messageId));
    return typeof thread === 'string' ? thread : undefined;
  }

  /** Record that a message belongs to a thread. */
  async set(chatId: number, messageId: number, thread: string): Promise<void> {
    await this.store.set('telegram-chain', chainKey(chatId, messageId), thread, this.now() + CHAIN_TTL_MS);
  }
}
