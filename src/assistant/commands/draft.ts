/** `/draft 上半年监督工作`: a draft grounded in the log, with its Word file. */
import type { CommandHandler } from './context.ts';

/** Draft what the words ask for. */
export const draft: CommandHandler = ({ args, incoming, today, tools }) => tools.draft(args, incoming, today);
