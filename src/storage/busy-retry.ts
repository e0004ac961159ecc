/**
 * Writes that wait out a busy database. SQLite lets one writer at a time; a long import in
 * another process (or connection) holds the lock for seconds. The connection's own busy
 * timeout blocks the whole event loop while it waits, so it is kept short and the waiting is
 * done here instead, between attempts, with growing pauses: other chats go on being answered.
 */
import { EnvironmentError } from '../errors.ts';
import { storageMessages as m } from './messages.ts';
import { isBusy } from './storage-failure.ts';

/** How long a write may wait for the lock before the person is asked to resend (under the 15 s a request may take). */
export const WRITE_DEADLINE_MS = 12_000;
const FIRST_PAUSE_MS = 25;
const LONGEST_PAUSE_MS = 500;

/** How long to keep trying, and how to pause (tests pass a short deadline). */
export interface RetryOptions {
  readonly deadlineMs?: number;
}

/**
 * Run a write; while the database is busy, try again after a pause until the
 * deadline, then throw EnvironmentError('database_busy') asking the person to resend. The
 * write must be a transaction (nothing half-stored when an attempt fails).
 */
export async function retryWhenBusy<T>(write: () => T | Promise<T>, options: RetryOptions = {}): Promise<T> {
  const deadline = Date.now() + (options.deadlineMs ?? WRITE_DEADLINE_MS);
  let pause = FIRST_PAUSE_MS;
  for (;;) {
    try {
      return await write();
    } catch (error) {
      if (!isBusy(error)) throw error;
      if (Date.now() + pause > deadline) throw new EnvironmentError('database_busy', m.busy, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
    }
  }
}
