/**
 * The platform-neutral assistant: `Incoming` message → `Reply`. Channels call the
 * assistant they are given through `guardAssistant`, so a failed turn is shown, not lost.
 */
export type { Assistant, Channel, Incoming, IncomingFile, Platform, Reply, ReplyChoice, ReplyFile, ReplySink } from './types.ts';
export { createAssistant, type AssistantCore, type AssistantOptions } from './assistant.ts';
export { createAccess, parseAccessList, senderEntry, type Access, type AccessForm } from './access.ts';
export { createDepartments, type Departments, type DepartmentSetting } from './departments.ts';
export { activityLogPort, type ActivityLogLike } from './adapters.ts';
export type { ActivityLogPort, DraftingPort, DraftReply, NewActivity, WebLinkPort } from './ports.ts';
export { guardAssistant, logFailure, replyForError, stderrErrorLog, type ErrorLog, type FailureScope } from './error-boundary.ts';
export { parseCommand, COMMANDS, type Command, type CommandContext, type CommandHandler } from './commands/index.ts';
export { ConversationMemory } from './memory.ts';
export type { ConversationLimits } from './conversation.ts';
export { cleanFileName, saveNewFile, saveReplyFiles } from './saved-files.ts';
export { ingestUpload, safeFileName } from './files.ts';
export { removeOwnUploads } from './upload-folders.ts';
export { messages } from './messages.ts';
