/** `/stats 上半年视察调研`: an exact count, with a chart when a period is named. */
import { messages as m } from '../messages.ts';
import type { CommandHandler } from './context.ts';

/** Count the activities of the kinds and period in the words. */
export const stats: CommandHandler = async ({ args, incoming, today, tools }) => {
  const query = await tools.readQuery(args, today);
  return query ? tools.count(query, incoming, true) : { text: m.notAQuery };
};
