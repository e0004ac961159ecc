/** The channel's default logger, in bolt's Logger shape. */
import { LogLevel, type Logger } from '@slack/bolt';

/** Warnings and errors on stderr (bolt's info chatter stays quiet). */
export function defaultLogger(): Logger {
  let level = LogLevel.WARN;
  const rank = { [LogLevel.DEBUG]: 0, [LogLevel.INFO]: 1, [LogLevel.WARN]: 2, [LogLevel.ERROR]: 3 };
  const at = (wanted: LogLevel) => (...message: unknown[]) => {
    if (rank[wanted] >= rank[level]) console.error(`[slack] ${wanted}`, ...message);
  };
  return {
    debug: at(LogLevel.DEBUG),
    info: at(LogLevel.INFO),
    warn: at(LogLevel.WARN),
    error: at(LogLevel.ERROR),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

/** One line about a failure, for warnings (errors are logged whole, with their stack). */
export function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
