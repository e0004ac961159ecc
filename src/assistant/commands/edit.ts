/** `/edit 17 日期 6月13日`: correct one field of an entry. */
import type { CommandHandler } from './context.ts';

/** Correct an entry as the words say. */
export const edit: CommandHandler = ({ args, incoming, today, tools }) => tools.logFlows.edit(args, incoming, today);
