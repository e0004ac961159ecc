/**
 * Failures of the disk and the database told in plain words: a full disk, a data folder that
 * became read-only, a damaged database file, a database kept busy by another writer. Each is
 * recognised by its code (Node's errno or SQLite's extended result code) anywhere in the chain
 * of causes, so a wrapped failure is told the same way.
 */
import { AppError, EnvironmentError, asAppError, type ErrorCode } from '../errors.ts';
import { storageMessages as m } from './messages.ts';

const RULES: ReadonlyArray<{ test: (code: string) => boolean; code: ErrorCode; message: string }> = [
  { test: (c) => c === 'ENOSPC' || c === 'EDQUOT' || c === 'SQLITE_FULL' || c === 'SQLITE_IOERR_SHMSIZE', code: 'disk_full', message: m.diskFull },
  { test: (c) => c === 'EROFS' || c.startsWith('SQLITE_READONLY'), code: 'data_read_only', message: m.readOnlyNow },
  { test: (c) => c.startsWith('SQLITE_CORRUPT') || c === 'SQLITE_NOTADB', code: 'database_corrupt', message: m.corruptNow },
  { test: (c) => c.startsWith('SQLITE_BUSY') || c.startsWith('SQLITE_LOCKED'), code: 'database_busy', message: m.busy },
];

function codes(error: unknown): string[] {
  const found: string[] = [];
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') found.push(code);
  }
  return found;
}

/**
 * The plain-words error for a disk or database failure anywhere in the causes; undefined
 * otherwise, and for an error that already says what is wrong (a start-up check's UserError).
 */
export function storageFailure(error: unknown): EnvironmentError | undefined {
  if (error instanceof EnvironmentError) return error;
  if (error instanceof AppError) return undefined;
  for (const code of codes(error)) {
    const rule = RULES.find((r) => r.test(code));
    if (rule) return new EnvironmentError(rule.code, rule.message, { cause: error });
  }
  return undefined;
}

/** Whether a failure is a busy or locked database (another connection holds the write lock). */
export function isBusy(error: unknown): boolean {
  return codes(error).some((c) => c.startsWith('SQLITE_BUSY') || c.startsWith('SQLITE_LOCKED'));
}

/**
 * Anything thrown, as the AppError a person should read: a disk or database failure in plain
 * words (even when wrapped in another message), else the error itself or "internal error".
 */
export function explainFailure(error: unknown): AppError {
  return storageFailure(error) ?? asAppError(error);
}
