/** `/draft 上半年监督工作`: a draft grounded in the log, with its Word file. */
import { draftReply } from '../draft-reply.ts';
import type { CommandHandler } from './context.ts';

/** Draft what the words ask for. */
export const draft: CommandHandler = ({ args, incoming, today, tools }) => draftReply(tools.drafting, args, today, tools.departments.visibility(incoming));
