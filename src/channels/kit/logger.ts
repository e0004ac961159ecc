/**
 * The channels' log: one JSON object per line on stderr (stdout may carry the terminal's
 * replies), with the channel's name on every line and errors written out with their stack.
 */

/** Where a channel writes what an admin may need later (error references, failed sends). */
export interface ChannelLogger {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

function replaceErrors(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

/** A logger for one channel writing JSON lines to stderr. */
export function channelLogger(channel: string, write: (line: string) => void = (line) => process.stderr.write(line)): ChannelLogger {
  const at = (level: string) => (message: string, details?: Record<string, unknown>) => {
    write(JSON.stringify({ time: new Date().toISOString(), level, channel, message, ...details }, replaceErrors) + '\n');
  };
  return { info: at('info'), warn: at('warn'), error: at('error') };
}

/** A logger that keeps its lines in memory (tests and the benchmark count the errors). */
export function memoryChannelLogger(channel: string): ChannelLogger & { readonly lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const logger = channelLogger(channel, (line) => void lines.push(JSON.parse(line) as Record<string, unknown>));
  return Object.assign(logger, { lines });
}
