/**
 * Thread ids `feishu:<chat_id>:<thread_id or main>`: a topic (话题) is its own conversation;
 * the rest of a chat is one.
 */

/** The opaque thread id the assistant keeps memory under. */
export function formatThreadId(chatId: string, threadId?: string): string {
  return `feishu:${chatId}:${threadId || 'main'}`;
}
