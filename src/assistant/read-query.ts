/** A command's words (/stats 上半年视察, /list 6月 学校) read as a count or list query. */
import { commandSubject, type MessageReader, type Taxonomy } from '../reader/index.ts';
import type { IsoDate } from '../time/index.ts';
import type { CountQuery } from './commands/index.ts';

/**
 * Kinds, period and what the count is asked for, from a command's words: read as the command
 * first (`command`, so 哪个月最多 or 占比 keeps its meaning), then as a message, then helped with a
 * question shape (学校 → 学校有几次). Undefined when no reading is a query; the command's own
 * question when it settles that one must be asked (/stats 哪个月最多 names no period).
 */
export function queryReader(reader: MessageReader, taxonomy: Taxonomy) {
  return async function readQuery(words: string, today: IsoDate, command?: string): Promise<CountQuery | { question: string } | undefined> {
    if (!words) return { kinds: [], from: null, to: null };
    for (const text of [...(command ? [`/${command} ${words}`] : []), words, `${words}有几次`]) {
      const reading = await reader.read(text, today);
      if (command && reading.intent === 'unclear' && reading.settled) return { question: reading.question };
      if (reading.intent === 'count' || reading.intent === 'list') {
        // /stats 学校: a word the reader placed nowhere is the subject, not dropped.
        const about = reading.about ?? commandSubject(words, today, taxonomy);
        const { share, extreme } = reading;
        return { kinds: reading.kinds, from: reading.from, to: reading.to, about, by: reading.by, ...(share ? { share } : {}), ...(extreme ? { extreme } : {}) };
      }
    }
    return undefined;
  };
}
