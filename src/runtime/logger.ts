/**
 * The one log of Lüzhi: pino, one JSON object per line on stderr (stdout may carry the
 * terminal's replies). Every line has `time`, `level` and `message`; a channel's lines carry
 * `channel`, a turn's lines `channel`, `chat` and `user`, a failure its `code` and `ref`.
 * Errors are written out with their stack.
 */
import { pino } from 'pino';

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

function wrap(base: pino.Logger): Logger {
  return {
    info: (message, fields) => base.info(fields ?? {}, message),
    warn: (message, fields) => base.warn(fields ?? {}, message),
    error: (message, fields) => base.error(fields ?? {}, message),
    child: (fields) => wrap(base.child(fields)),
  };
}

/** A logger writing JSON lines to `destination`. */
export function createLogger(destination: LogDestination = process.stderr): Logger {
  return wrap(pino({
    base: undefined,
    messageKey: 'message',
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    // Whatever key an error sits under, its name, message and stack are kept.
    serializers: { error: pino.stdSerializers.err, err: pino.stdSerializers.err, cause: pino.stdSerializers.err },
  }, destination as pino.DestinationStream));
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
