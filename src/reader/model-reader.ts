/**
 * A MessageReader that keeps the rules first and asks a chat model only about messages
 * the rules could not place. The model's reading is structured JSON checked against a zod
 * schema, the taxonomy and the period rules; anything doubtful keeps the rules' question.
 * The model only reads: it never counts (counts come from the database).
 */
import { z } from 'zod';
import { addDays, isValidIsoDate } from '../time/index.ts';
import type { Taxonomy } from './kinds.ts';
import { scanTime } from '../time/index.ts';
import { lexiconOf, normalizeForMatching } from './lexicon.ts';
import { componentLog } from '../runtime/index.ts';
import type { IsoDate } from '../time/index.ts';
import type { MessageReader, Reading } from './types.ts';
import { promptMessages, timeoutController, toModelError, type ChatModel } from '../models/index.ts';

/** What the model reader needs. */
export interface ModelReaderOptions {
  /** The rule reader, asked first. */
  readonly rules: MessageReader;
  readonly model: ChatModel;
  readonly taxonomy: Taxonomy;
  /** Longest wait for the model (default 8 s); after it the rules' reading stands. */
  readonly timeoutMs?: number;
  readonly promptsDir?: string;
  /** Where failures are written (default stderr, one line). */
  readonly log?: (line: string) => void;
}

const isoDate = z.string().trim().refine(isValidIsoDate, 'not a real YYYY-MM-DD date');
const title = z.string().trim().min(1).max(120);

/** The JSON the model must give (read-message prompt); unknown fields, a count included, are dropped. */
export const modelReadingSchema = z.union([
  z.object({ intent: z.literal('log'), kind: z.string().trim().min(1), date: isoDate.nullish(), title }),
  z.object({
    intent: z.enum(['count', 'list']),
    kinds: z.array(z.string().trim().min(1)).max(20).default([]),
    from: isoDate.nullish(),
    to: isoDate.nullish(),
  }),
  z.object({ intent: z.enum(['ask', 'draft', 'undo', 'help', 'unclear']) }),
]);


const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

function weekdayOf(date: IsoDate): string {
  return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()];
}

function kindsTable(taxonomy: Taxonomy): string {
  return taxonomy.kinds
    .map((k) => `- ${k.id}：${k.label}${k.synonyms.length ? `（又称：${k.synonyms.join('、')}）` : ''}`)
    .join('\n');
}

/** The JSON object in a reply, with or without a ```json fence or words around it. */
export function extractJson(reply: string): unknown {
  const start = reply.indexOf('{');
  const end = reply.lastIndexOf('}');
  if (start < 0 || end <= start) throw new SyntaxError('no JSON object in the reply');
  return JSON.parse(reply.slice(start, end + 1));
}

/** Share of a title's characters that occur in the message: a title must come from it. */
function drawnFrom(candidate: string, message: string): number {
  const chars = [...candidate.replace(/\s/g, '')];
  if (!chars.length) return 0;
  return chars.filter((c) => message.includes(c)).length / chars.length;
}

/**
 * Check a model reading against the taxonomy and the period rules; undefined when it
 * cannot be trusted. Dates and periods come from the rules only: a message in which they
 * find no time words has none, so a model that names a day other than today, or a period,
 * made it up. Kinds the message names bound the model's: it may not read 视察 as 会议.
 */
export function validateReading(raw: unknown, text: string, now: IsoDate, taxonomy: Taxonomy): Reading | undefined {
  const parsed = modelReadingSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const reading = parsed.data;
  const normalized = normalizeForMatching(text);
  const time = scanTime(normalized, now);
  const named = new Set(lexiconOf(taxonomy).find(normalized).map((m) => m.kind));
  const outsideNamed = (kinds: readonly string[]) => named.size > 0 && (kinds.length === 0 || kinds.some((k) => !named.has(k)));
  // A written date that does not exist (2月30日), or time words the rules could not place
  // (上周, 元旦), are the user's to settle, never the model's.
  if (time.impossible.length > 0 || time.unreadable.length > 0) return undefined;
  switch (reading.intent) {
    case 'log': {
      const kind = taxonomy.resolve(reading.kind);
      if (!kind || outsideNamed([kind.id])) return undefined;
      const ruleDay = time.periods.find((p) => p.day)?.from;
      // A period where a day is needed (上周) is asked about; the model may not pick the day.
      if (ruleDay === undefined && time.periods.length > 0) return undefined;
      // No time words: the activity is today's (as the prompt says); any other day is the model's.
      if (ruleDay === undefined && reading.date && reading.date !== now) return undefined;
      const date = ruleDay ?? now;
      const named = drawnFrom(reading.title, text) >= 0.6 ? reading.title : text.trim().slice(0, 120);
      const activity = { kind: kind.id, date, title: named };
      return { intent: 'log', activities: [activity], activity };
    }
    case 'count':
    case 'list': {
      const kinds: string[] = [];
      for (const k of reading.kinds) {
        const found = taxonomy.resolve(k);
        if (!found) return undefined;
        if (!kinds.includes(found.id)) kinds.push(found.id);
      }
      if (outsideNamed(kinds)) return undefined;
      const rulePeriod = time.periods[0];
      // No time words, no period: a count the model bounds by dates is over a period nobody asked about.
      if (!rulePeriod && (reading.from || reading.to)) return undefined;
      return { intent: reading.intent, kinds: kinds.sort(), from: rulePeriod?.from ?? null, to: rulePeriod?.to ?? null };
    }
    case 'unclear':
      return undefined;
    default:
      return { intent: reading.intent };
  }
}

/** Build the model-assisted reader: rules first, the model only for `unclear` messages. */
export function createModelReader(options: ModelReaderOptions): MessageReader {
  const log = options.log ?? componentLog('model-reader');
  return {
    async read(text: string, now: IsoDate): Promise<Reading> {
      const ruled = await options.rules.read(text, now);
      // A date the rules refuse or cannot place, a pasted summary, a path: the person's to settle, not the model's.
      if (ruled.intent !== 'unclear' || ruled.settled || !text.trim()) return ruled;
      const timer = timeoutController(options.timeoutMs ?? 8_000);
      try {
        const messages = promptMessages('read-message', {
          today: now,
          weekday: weekdayOf(now),
          kinds: kindsTable(options.taxonomy),
          message: text.trim().replace(/</g, '＜').replace(/>/g, '＞'),
        }, options.promptsDir);
        const reply = await options.model.complete(messages, { signal: timer.signal });
        const reading = validateReading(extractJson(reply), text, now, options.taxonomy);
        if (!reading) log(`model-reader: reading rejected: ${reply.slice(0, 200)}`);
        return reading ?? ruled;
      } catch (error) {
        log(`model-reader: keeping the rules' reading (${toModelError(error).message})`);
        return ruled;
      } finally {
        timer.dispose();
      }
    },
  };
}
