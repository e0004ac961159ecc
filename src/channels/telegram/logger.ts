/** The little the Telegram channel needs from a logger; `console` satisfies it. */

/** Where the channel writes what an admin may need later (error references, failed sends). */
export interface ChannelLogger {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

/** Logs one line per event to stderr, so stdout stays free for the terminal channel. */
export const stderrLogger: ChannelLogger = {
  info: (message, details) => write('info', message, details),
  warn: (message, details) => write('warn', message, details),
  error: (message, details) => write('error', message, details),
};

function write(level: string, message: string, details?: Record<string, unknown>): void {
  const extra = details ? ' ' + JSON.stringify(details, replaceErrors) : '';
  process.stderr.write(`[telegram] ${level}: ${message}${extra}\n`);
}

function replaceErrors(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}
