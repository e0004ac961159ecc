/** Bolt's and the Web API client's diagnostics, written to the channel's log (one JSON-lines format). */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { ChannelLogger } from '../kit/index.ts';

/** Bolt's logger shape over the channel's log; bolt's info chatter stays quiet. */
export function boltLogger(logger: ChannelLogger): BoltLogger {
  let level = LogLevel.WARN;
  const rank = { [LogLevel.DEBUG]: 0, [LogLevel.INFO]: 1, [LogLevel.WARN]: 2, [LogLevel.ERROR]: 3 };
  const at = (wanted: LogLevel, write: ChannelLogger['warn']) => (...parts: unknown[]) => {
    if (rank[wanted] < rank[level]) return;
    const error = parts.find((part) => part instanceof Error);
    const message = parts.filter((part) => part !== error).map(String).join(' ');
    write(message || 'bolt', error ? { error } : undefined);
  };
  return {
    debug: at(LogLevel.DEBUG, logger.info),
    info: at(LogLevel.INFO, logger.info),
    warn: at(LogLevel.WARN, logger.warn),
    error: at(LogLevel.ERROR, logger.error),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
