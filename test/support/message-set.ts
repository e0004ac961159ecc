/**
 * One set of chat messages with their expected readings (test/fixtures/messages/*.jsonl, in the
 * shared activity evaluation's format), each message read and compared as a person sees it: the
 * intent, a logged entry's kind and days and whether it is asked about first (a date after
 * today), a count's or list's kinds and period, and the narrowing a line states.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { Reading } from '../../src/reader/index.ts';

/** One line of a set: {"id", "now", "text", "expect"}. */
interface SetLine {
  readonly id: string;
  readonly now: string;
  readonly text: string;
  readonly expect: Record<string, any>;
}

/** The lines of a set in test/fixtures/messages/. */
export function messageSet(name: string): SetLine[] {
  return readFileSync(new URL(`../fixtures/messages/${name}`, import.meta.url), 'utf8')
    .split('\n').filter(Boolean).map((line) => JSON.parse(line) as SetLine);
}

/**
 * What a person sees of a reading. `entries`: how many logged entries are compared (the
 * evaluation scores the first only; a set may hold every entry of a message).
 */
function seen(x: Record<string, any>, now: string, entries: number): unknown {
  if (x.intent === 'log') {
    const acts = (x.activities ?? [x.activity]).slice(0, entries).map((a: Record<string, any>) => ({ kind: a.kind, date: a.date, to: a.to ?? null }));
    // As `parse` shapes it (CONTRACTS.md): a date after today is confirmed before anything is stored.
    const future = 'confirm' in x ? x.confirm === 'future' : acts.some((a: { date: string }) => a.date > now);
    return { intent: 'log', acts, future };
  }
  if (x.intent === 'count' || x.intent === 'list') return { intent: x.intent, kinds: [...x.kinds].sort(), from: x.from, to: x.to };
  return { intent: x.intent };
}

/**
 * The narrowing a line states, when it states one (a set may): `about` (the subject, person or
 * place the entries are narrowed to: the reading's must hold it; null for none), `extreme`
 * (which month, kind or person had the most) and `whether` (asked yes or no).
 */
function narrowing(x: Record<string, any>, stated: Record<string, any>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if ('about' in stated) out.about = stated === x ? x.about : (typeof x.about === 'string' && x.about.includes(stated.about ?? '\u0000') ? stated.about : x.about ?? null);
  if ('extreme' in stated) out.extreme = x.extreme ?? null;
  if ('whether' in stated) out.whether = x.whether ?? false;
  return out;
}

/** One test per line of the set `name`, each message read by `read` as of the line's `now`. */
export function readsAsExpected(
  name: string, read: (text: string, now: string) => Reading, { entries = Infinity, known = [] as readonly string[] } = {},
): void {
  const lines = messageSet(name);
  // `known`: lines still misread, each expected to fail (it.fails), so a fix is noticed and the line moved back.
  for (const [group, test] of [[lines.filter((l) => !known.includes(l.id)), it], [lines.filter((l) => known.includes(l.id)), it.fails]] as const) {
    if (group.length > 0) expectEach(group, test, read, entries);
  }
}

function expectEach(lines: SetLine[], test: typeof it | typeof it.fails, read: (text: string, now: string) => Reading, entries: number): void {
  test.each(lines.map((l) => [l.id, l.now, l.text, l] as const))('%s (%s) %s', (_id, now, text, line) => {
    const got = read(text, now) as Record<string, any>;
    expect({ ...seen(got, now, entries) as object, ...narrowing(got, line.expect) })
      .toEqual({ ...seen({ confirm: null, ...line.expect }, now, entries) as object, ...narrowing(line.expect, line.expect) });
  });
}
