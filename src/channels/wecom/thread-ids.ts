/**
 * Thread ids `wecom:<userid or chat id>:main`: WeCom has no threads or reply chains, so a
 * person's chat with the app (or one group chat) is one conversation.
 */

/** The opaque thread id the assistant keeps memory under. */
export function formatThreadId(conversation: string): string {
  return `wecom:${conversation}:main`;
}
