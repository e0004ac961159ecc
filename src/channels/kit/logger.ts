/**
 * A channel's log: the process's one log (src/runtime) with the channel's name on every line;
 * a turn's lines add the chat and the user (`turnLogger`).
 */
import { log, memoryLogger, type Logger } from '../../runtime/index.ts';

/** Where a channel writes what an admin may need later (error references, failed sends). */
export type ChannelLogger = Logger;

/** The log of one channel on stderr. */
export function channelLogger(channel: string): ChannelLogger {
  return log.child({ channel });
}

/** A channel log kept in memory (tests and the benchmark count the errors). */
export function memoryChannelLogger(channel: string): ChannelLogger & { readonly lines: Record<string, unknown>[] } {
  return memoryLogger({ channel });
}

/** The lines of one turn: the chat and the person it answers on every line. */
export function turnLogger(logger: ChannelLogger, turn: { readonly chatId: string; readonly userId: string }): ChannelLogger {
  return logger.child({ chat: turn.chatId, user: turn.userId });
}
