/** `/undo`: take back what this person logged last. */
import type { CommandHandler } from './context.ts';

/** Undo the sender's last log. */
export const undo: CommandHandler = ({ incoming, today, tools }) => tools.logFlows.undo(incoming, today);
