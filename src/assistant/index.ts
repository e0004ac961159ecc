/**
 * The platform-neutral assistant: `Incoming` message → `Reply`. Channels call
 * `createAssistant(...)`'s `handle`, wrapped in `guardAssistant` so a failed turn is shown.
 */
export type { Assistant, Channel, Incoming, IncomingFile, Platform, Reply, ReplyChoice, ReplyFile, ReplySink } from './types.ts';
export { guardAssistant, replyForError, stderrErrorLog, type ErrorLog } from './error-boundary.ts';
export { messages, dateLabel } from './messages.ts';
