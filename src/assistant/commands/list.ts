/** `/list 上个月的调研`: the activities, each with its number. */
import { messages as m } from '../messages.ts';
import type { CommandHandler } from './context.ts';

/** List the activities of the kinds and period in the words. */
export const list: CommandHandler = async ({ args, incoming, today, tools }) => {
  const query = await tools.readQuery(args, today);
  return query && !('question' in query) ? tools.list(query, incoming) : { text: m.notAQuery };
};
