/**
 * The error boundary every channel puts around the assistant: a failed turn becomes a
 * short Chinese apology with an error code, the code and stack go to the log, and the
 * process keeps serving (grammY's `errorBoundary`, here as a wrapper).
 */
import { AppError, EnvironmentError, UserError, errorReference } from '../errors.ts';
import { explainFailure } from '../storage/index.ts';
import { messages } from './messages.ts';
import type { Assistant, Incoming, Reply, ReplySink } from './types.ts';

/** Where failed turns are recorded; one JSON object per line on stderr by default. */
export type ErrorLog = (entry: Record<string, unknown>) => void;

/** The default error log: one structured JSON line on stderr, with the stack. */
export const stderrErrorLog: ErrorLog = (entry) => {
  process.stderr.write(JSON.stringify({ time: new Date().toISOString(), level: 'error', ...entry }) + '\n');
};

const guarded = new WeakSet<Assistant>();

/** Log a failure with a fresh error code and return the apology reply that names it. */
export function replyForError(thrown: unknown, incoming: Pick<Incoming, 'platform' | 'threadId' | 'userId'>, log: ErrorLog = stderrErrorLog): Reply {
  // A user's own mistake is told plainly, without an error code to report.
  if (thrown instanceof UserError) return { text: thrown.userMessage };
  // A full disk or a busy database is told in plain words too, with a code for the admin.
  const explained = explainFailure(thrown);
  const error = explained instanceof EnvironmentError ? explained : thrown;
  const ref = errorReference();
  const cause = error instanceof AppError ? error.cause : undefined;
  log({
    ref,
    code: error instanceof AppError ? error.code : 'internal',
    message: error instanceof Error ? error.message : String(error),
    stack: error instanceof Error ? error.stack : undefined,
    cause: cause instanceof Error ? cause.stack ?? cause.message : cause === undefined ? undefined : String(cause),
    platform: incoming.platform,
    thread: incoming.threadId,
    user: incoming.userId,
  });
  if (error instanceof EnvironmentError) return { text: messages.environmentFailure(error.userMessage, ref) };
  return { text: messages.apology(ref) };
}

/**
 * Wrap an assistant so `handle` never throws: channels call this once on the assistant
 * they are given (wrapping twice is harmless: an already guarded assistant is returned as is).
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
