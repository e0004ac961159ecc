/**
 * Errors that carry their context: a stable `code`, a Chinese `userMessage` a staff member
 * can read, and the underlying `cause`. Internals go to the log; users see the message.
 * Codes are a closed set: `ErrorCode`, one per entry of the table in error-messages.ts.
 */
import { ERROR_MESSAGES } from './error-messages.ts';

export { ERROR_MESSAGES };

/** Every code Lüzhi raises on purpose (the keys of ERROR_MESSAGES). */
export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** Base of every error Lüzhi raises on purpose. */
export class AppError extends Error {
  /** Stable machine-readable code, e.g. `empty_question`. */
  readonly code: ErrorCode;
  /** What the user is told, in Simplified Chinese. */
  readonly userMessage: string;

  /** Without a `userMessage`, the person reads the code's entry in ERROR_MESSAGES. */
  constructor(code: ErrorCode, userMessage: string = ERROR_MESSAGES[code], options?: { cause?: unknown }) {
    super(`${code}: ${userMessage}`, options);
    this.name = new.target.name;
    this.code = code;
    this.userMessage = userMessage;
  }
}

/** A problem with what the user gave us (bad input, unknown file, empty question): exit 1. */
export class UserError extends AppError {}

/** Something broke inside Lüzhi: exit 2, and the user gets an apology with a short code. */
export class InternalError extends AppError {}

/**
 * A fault of the machine, not of the code or the person (disk full, database read-only or busy):
 * exit 2 like any internal fault, but the person is told in plain words what is wrong.
 */
export class EnvironmentError extends InternalError {}

/** Short random reference an admin can grep for in the log (e.g. `E7K2QX`). */
export function errorReference(): string {
  return 'E' + Math.random().toString(36).slice(2, 7).toUpperCase();
}

/** Turn anything thrown into an AppError, keeping the original as `cause`. */
export function asAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  return new InternalError('internal', '内部错误，请联系管理员。', { cause: error });
}
