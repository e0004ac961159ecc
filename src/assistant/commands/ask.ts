/** `/ask 问题`: an answer from the documents, streamed where the channel can show it. */
import type { CommandHandler } from './context.ts';

/** Answer the question in the command's words. */
export const ask: CommandHandler = ({ args, incoming, sink, tools }) => tools.ask(args, args, incoming, sink);
