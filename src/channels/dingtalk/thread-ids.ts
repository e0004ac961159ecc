/** Thread ids `dingtalk:<conversationId>:main`: a DingTalk chat (one-to-one or group) is one conversation. */

/** The opaque thread id the assistant keeps memory under. */
export function formatThreadId(conversationId: string): string {
  return `dingtalk:${conversationId}:main`;
}
