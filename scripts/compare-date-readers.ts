/**
 * Lüzhi's own date grammar against chrono-node (its zh-Hans/zh-Hant parsers) as the base
 * for point dates, on the same message sets, scored as ../shared/eval/activity.mjs scores:
 *
 *   npx tsx scripts/compare-date-readers.ts [SET.jsonl …]
 *
 * The chrono variant keeps everything else of the reader (intent, kinds, Lüzhi's period
 * words, the checks for impossible and unreadable dates) and takes a log's day, or a
 * question's range, from chrono whenever chrono finds one. Prints one JSON object.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as chrono from 'chrono-node';
import { toIsoDate } from '../src/time/index.ts';
import { loadTaxonomy, readMessage, type Reading } from '../src/reader/index.ts';

const here = new URL('../test/fixtures/messages/', import.meta.url);
const sets = process.argv.slice(2).length
  ? process.argv.slice(2)
  : [new URL('date-forms.jsonl', here).pathname, new URL('issue-cases.jsonl', here).pathname, new URL('../../../../shared/eval/activity-dev.jsonl', here).pathname];
const taxonomy = loadTaxonomy();

type Line = { id: string; now: string; text: string; expect: Record<string, any> };

function meaning(x: Record<string, any>): string {
  if (x.intent === 'log') return `log ${x.activity?.kind} ${x.activity?.date}`;
  if (x.intent === 'count' || x.intent === 'list') return `${x.intent} ${[...(x.kinds ?? [])].sort().join(',')} ${x.from ?? null} ${x.to ?? null}`;
  return x.intent;
}

const iso = (c: chrono.ParsedComponents) => toIsoDate(c.get('year')!, c.get('month')!, c.get('day')!);

/** The reader with chrono's dates in place of Lüzhi's own where chrono finds one. */
function withChrono(text: string, now: string): Reading {
  const own = readMessage(text, now, taxonomy);
  const ref = new Date(`${now}T12:00:00`);
  const found = chrono.zh.parse(text, ref);
  const first = found[0];
  if (!first) return own;
  if (own.intent === 'log') {
    const activity = { ...own.activity, date: iso(first.start) };
    return { ...own, activity, activities: [activity, ...own.activities.slice(1)] };
  }
  if ((own.intent === 'count' || own.intent === 'list') && first.end) {
    return { ...own, from: iso(first.start), to: iso(first.end) };
  }
  return own;
}

const result: Record<string, unknown> = {};
for (const set of sets) {
  const lines: Line[] = readFileSync(set, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  let ownRight = 0;
  let chronoRight = 0;
  const chronoMisses: string[] = [];
  let ownMs = 0;
  let chronoMs = 0;
  for (const line of lines) {
    const want = meaning(line.expect);
    let t = performance.now();
    if (meaning(readMessage(line.text, line.now, taxonomy)) === want) ownRight++;
    ownMs += performance.now() - t;
    t = performance.now();
    const viaChrono = meaning(withChrono(line.text, line.now));
    chronoMs += performance.now() - t;
    if (viaChrono === want) chronoRight++;
    else chronoMisses.push(`${line.id} ${line.text} → ${viaChrono}`);
  }
  const name = set.split('/').pop()!;
  result[name] = {
    messages: lines.length,
    own: `${ownRight}/${lines.length}`,
    chrono_base: `${chronoRight}/${lines.length}`,
    own_ms: Math.round(ownMs),
    chrono_ms: Math.round(chronoMs),
    chrono_misses: chronoMisses.slice(0, 12),
  };
}
console.log(JSON.stringify(result, null, 1));
