/** `/stats 上半年视察调研`: an exact count, with a chart when a period is named. */
import { messages as m } from '../messages.ts';
import type { CommandHandler } from './context.ts';

/** Count the activities of the kinds and period in the words. */
export const stats: CommandHandler = async ({ args, incoming, today, tools }) => {
  const query = await tools.readQuery(args, today, 'stats');
  // /stats 哪个月最多 with no period: the period is asked for, as in a message.
  if (query && 'question' in query) return { text: query.question };
  // /stats 上半年 按月, /stats 今年 去年, /stats 上半年 哪个月最多: as the same words in a message would be, drawn.
  return query ? tools.answerCount({ ...query, chart: true }, args, incoming, today) : { text: m.notAQuery };
};
