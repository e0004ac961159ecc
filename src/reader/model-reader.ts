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
import { normalizeForMatching } from './lexicon.ts';
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

/** Earliest day the log takes: nothing an office logs today is older. */
const EARLIEST = '2000-01-01';
/** How far back a logged activity may lie without the message naming its date. */
const LOG_LOOKBACK_DAYS = 400;
/** Queries may reach into next year's plans, no further. */
const QUERY_LOOKAHEAD_DAYS = 366;

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
 * cannot be trusted. Dates the rules find in the message win over the model's.
 */
export function validateReading(raw: unknown, text: string, now: IsoDate, taxonomy: Taxonomy): Reading | undefined {
  const parsed = modelReadingSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const reading = parsed.data;
  const time = scanTime(normalizeForMatching(text), now);
  // A written date that does not exist (2月30日), or time words the rules could not place
  // (上周, 元旦), are the user's to settle, never the model's.
  if (time.impossible.length > 0 || time.unreadable.length > 0) return undefined;
  switch (reading.intent) {
    case 'log': {
      const kind = taxonomy.resolve(reading.kind);
      if (!kind) return undefined;
      const ruleDay = time.periods.find((p) => p.day)?.from;
      // A period where a day is needed (上周) is asked about; the model may not pick the day.
      if (ruleDay === undefined && time.periods.length > 0) return undefined;
      const date = ruleDay ?? reading.date ?? now;
      if (ruleDay === undefined && (date > now || date < addDays(now, -LOG_LOOKBACK_DAYS))) return undefined;
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
      const rulePeriod = time.periods[0];
      let from = rulePeriod ? rulePeriod.from : reading.from ?? null;
      let to = rulePeriod ? rulePeriod.to : reading.to ?? null;
      if (!rulePeriod) {
        const latest = addDays(now, QUERY_LOOKAHEAD_DAYS);
        for (const d of [from, to]) if (d !== null && (d < EARLIEST || d > latest)) return undefined;
        if (from !== null && to !== null && from > to) [from, to] = [to, from];
      }
      return { intent: reading.intent, kinds: kinds.sort(), from, to };
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
