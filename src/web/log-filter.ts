/**
 * The log's filters as the address bar carries them (`?period=上半年&kind=inspection&by=&q=&page=2`),
 * read into an `ActivityFilter`. The period is read with the chat's own grammar (src/time), so
 * “上半年” means here what it means in `/stats`; words that are not a period are refused, never
 * ignored (an unfiltered table shown as if filtered would be a silently wrong answer).
 */
import type { ActivityFilter } from '../log/index.ts';
import type { Taxonomy } from '../reader/index.ts';
import { findPeriod, type IsoDate } from '../time/index.ts';
import { webMessages as m } from './messages.ts';

/** Rows per page of the log and of the audit trail. */
export const PAGE_SIZE = 50;

/** The filter fields as typed, echoed back into the form. */
export type LogFilterFields = {
  readonly period: string;
  readonly kind: string;
  readonly by: string;
  readonly q: string;
};

/** The filters read: the filter (or why it cannot be read), the fields and the page (1-based). */
export interface ReadLogFilter {
  readonly fields: LogFilterFields;
  readonly filter?: ActivityFilter;
  readonly error?: string;
  readonly page: number;
}

/** A period in the chat's words, or undefined when the words are not (all of) one period. */
export function readPeriod(words: string, today: IsoDate): { from: IsoDate; to: IsoDate } | undefined {
  const text = words.trim();
  const found = findPeriod(text, today);
  // The whole text must be the period: “上半年视察” is not a period with something dropped.
  if (!found || found.start !== 0 || found.end !== text.length) return undefined;
  return { from: found.from, to: found.to };
}

/** A page number from the address (1 when missing or not a positive whole number). */
export function pageNumber(value: string | undefined): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, 1_000_000) : 1;
}

/** Read the filters from the address's query. */
export function readLogFilter(query: Record<string, string | undefined>, taxonomy: Taxonomy, today: IsoDate): ReadLogFilter {
  const fields: LogFilterFields = { period: query.period?.trim() ?? '', kind: query.kind?.trim() ?? '', by: query.by?.trim() ?? '', q: query.q?.trim() ?? '' };
  const page = pageNumber(query.page);
  let period: { from: IsoDate; to: IsoDate } | undefined;
  if (fields.period) {
    period = readPeriod(fields.period, today);
    if (!period) return { fields, page, error: m.log.badPeriod(fields.period) };
  }
  // An unknown kind is checked by the store (a Chinese UserError naming the known ones).
  const kinds = fields.kind && taxonomy.resolve(fields.kind) ? [taxonomy.resolve(fields.kind)!.id] : fields.kind ? [fields.kind] : [];
  return { fields, page, filter: { from: period?.from ?? null, to: period?.to ?? null, kinds, by: fields.by || undefined, text: fields.q || undefined } };
}

/** The query string of the filters (for the pager and the export link), without empty fields. */
export function filterQuery(fields: Readonly<Record<string, string>>, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...fields, ...extra })) if (value) params.set(name, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}
