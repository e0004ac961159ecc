/**
 * Thread ids `telegram:<chat id>:<thread>`: `<thread>` is a forum topic's id, the root
 * message of a reply chain, or `main` for the chat's ordinary flow.
 */

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

/**
 * The key under which the channel remembers which thread a message belongs to, so a reply to
 * any message of a chain (the user's or the bot's) continues that chain's conversation.
 */
export function chainKey(chatId: number, messageId: number): string {
  return `${chatId}:${messageId}`;
}
