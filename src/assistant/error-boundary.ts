/**
 * The error boundary around every turn: a failed turn becomes a short Chinese apology with an
 * error code, the code and stack go to the log, and the process keeps serving (grammY's
 * `errorBoundary`, here as a wrapper). The assistant core holds the one boundary; a channel
 * calls `guardAssistant` too, which leaves an assistant already guarded as it is.
 */
import { AppError, EnvironmentError, UserError, errorReference } from '../errors.ts';
import { log as processLog } from '../runtime/index.ts';
import { explainFailure } from '../storage/index.ts';
import { messages } from './messages.ts';
import type { Assistant, Incoming, Reply, ReplySink } from './types.ts';

/** Where failures are recorded: one structured record each (tests pass their own to look at them). */
export type ErrorLog = (entry: Record<string, unknown>) => void;

/** The default error log: the process's JSON-lines log on stderr. */
export const stderrErrorLog: ErrorLog = ({ message, ...fields }) => processLog.error(String(message ?? 'failure'), fields);

/** Who a failure happened to, as the log names it (channel, chat, user, thread). */
export type FailureScope = Pick<Incoming, 'platform' | 'threadId' | 'userId'> & Partial<Pick<Incoming, 'chatId'>>;

/**
 * Record a failure with a fresh reference (returned, for the message that names it): its code,
 * message, stack and cause, and where it happened.
 */
export function logFailure(log: ErrorLog, error: unknown, fields: Record<string, unknown> & { code?: string } = {}, scope?: FailureScope): string {
  const ref = errorReference();
  const cause = error instanceof AppError ? error.cause : undefined;
  log({
    ref,
    code: error instanceof AppError ? error.code : 'internal',
    ...fields,
    message: error instanceof Error ? error.message : String(error),
    stack: error instanceof Error ? error.stack : undefined,
    cause: cause instanceof Error ? cause.stack ?? cause.message : cause === undefined ? undefined : String(cause),
    ...(scope ? { channel: scope.platform, chat: scope.chatId, user: scope.userId, thread: scope.threadId } : {}),
  });
  return ref;
}

const guarded = new WeakSet<Assistant>();

/** Log a failure with a fresh error code and return the apology reply that names it. */
export function replyForError(thrown: unknown, incoming: FailureScope, log: ErrorLog = stderrErrorLog): Reply {
  // A user's own mistake is told plainly, without an error code to report.
  if (thrown instanceof UserError) return { text: thrown.userMessage };
  // A full disk or a busy database is told in plain words too, with a code for the admin.
  const explained = explainFailure(thrown);
  const error = explained instanceof EnvironmentError ? explained : thrown;
  const ref = logFailure(log, error, {}, incoming);
  if (error instanceof EnvironmentError) return { text: messages.environmentFailure(error.userMessage, ref) };
  return { text: messages.apology(ref) };
}

/**
 * Wrap an assistant so `handle` never throws. Wrapping twice is harmless: an already guarded
 * assistant (the core, or one wrapped before) is returned as is, so a turn has one boundary.
 */
export function guardAssistant(assistant: Assistant, log: ErrorLog = stderrErrorLog): Assistant {
  if (guarded.has(assistant)) return assistant;
  const safe: Assistant = {
    async handle(incoming: Incoming, sink?: ReplySink): Promise<Reply> {
      try {
        return await assistant.handle(incoming, sink);
      } catch (error) {
        return replyForError(error, incoming, log);
      }
    },
  };
  guarded.add(safe);
  return safe;
}
