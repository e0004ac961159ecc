/** `/log 今天组织代表视察了安全生产工作`: the words are read as activities and logged. */
import { messages as m } from '../messages.ts';
import type { CommandHandler } from './context.ts';

/** Log the activities the words describe, or say why they are not a log. */
export const log: CommandHandler = async ({ args, incoming, today, tools }) => {
  if (!args) return { text: m.emptyLog };
  const reading = await tools.reader.read(args, today);
  if (reading.intent === 'log') return tools.logFlows.log(reading.activities, incoming, today);
  return { text: m.notALog(reading.intent === 'unclear' ? reading.question : m.emptyLog) };
};
