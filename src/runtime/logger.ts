/**
 * The one log of Lüzhi: pino, one JSON object per line on stderr (stdout may carry the
 * terminal's replies). Every line has `time`, `level` and `message`; a channel's lines carry
 * `channel`, a turn's lines `channel`, `chat` and `user`, a failure its `code` and `ref`.
 * Errors are written out with their stack.
 */
import { createRequire } from 'node:module';
import type { pino as Pino } from 'pino';

// pino takes a noticeable part of a second to load on a busy machine: loaded on the first line
// written, so a command that logs nothing starts without it.
let loaded: typeof Pino | undefined;
const loadPino = (): typeof Pino => (loaded ??= (createRequire(import.meta.url)('pino') as { pino: typeof Pino }).pino);

/** Extra fields of a log line. */
export type LogFields = Record<string, unknown>;

/** Where code writes what an admin may need later (error references, failed sends). */
export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger whose every line carries `fields` too (a channel, a turn, a component). */
  child(fields: LogFields): Logger;
}

/** Where the lines go: anything with a synchronous `write` (process.stderr by default). */
export interface LogDestination {
  write(line: string): unknown;
}

/** Our logger over a pino logger that `make` creates on first use. */
function lazy(make: () => Pino.Logger): Logger {
  let base: Pino.Logger | undefined;
  const get = () => (base ??= make());
  return {
    info: (message, fields) => get().info(fields ?? {}, message),
    warn: (message, fields) => get().warn(fields ?? {}, message),
    error: (message, fields) => get().error(fields ?? {}, message),
    child: (fields) => lazy(() => get().child(fields)),
  };
}

/** A logger writing JSON lines to `destination`. */
export function createLogger(destination: LogDestination = process.stderr): Logger {
  return lazy(() => loadPino()({
    base: undefined,
    messageKey: 'message',
    formatters: { level: (label) => ({ level: label }) },
    // Whatever key an error sits under, its name, message and stack are kept.
    serializers: { error: loadPino().stdSerializers.err, err: loadPino().stdSerializers.err, cause: loadPino().stdSerializers.err },
    timestamp: loadPino().stdTimeFunctions.isoTime,
  }, destination as Pino.DestinationStream));
}

/** The process's log on stderr. */
export const log: Logger = createLogger();

/** A logger that keeps its lines in memory, parsed (tests and the benchmark read them). */
export function memoryLogger(fields: LogFields = {}): Logger & { readonly lines: LogFields[] } {
  const lines: LogFields[] = [];
  const logger = createLogger({ write: (line) => lines.push(JSON.parse(line) as LogFields) }).child(fields);
  return Object.assign(logger, { lines });
}

/** A one-argument log for a part of Lüzhi (`knowledge`, `model-reader`…): each line a JSON line naming it. */
export function componentLog(component: string, level: 'info' | 'warn' | 'error' = 'warn'): (line: string) => void {
  const logger = log.child({ component });
  return (line) => logger[level](line);
}
