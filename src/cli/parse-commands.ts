import { isValidIsoDate, today } from '../time/index.ts';
import { readerMessages as say, type Reading, type Taxonomy } from '../reader/index.ts';
import { UserError } from '../errors.ts';
import { stringOption, type CliCommand, type CliContext } from './command.ts';
import { batchHelp, cliMessages, commandSummaries } from './messages.ts';

/** The `--now` option (default: today in the office's time zone), checked to be a real day. */
function nowOption(ctx: CliContext, value: string | undefined): string {
  if (value === undefined) return today(new Date(), ctx.parts.settings.LVZHI_TIME_ZONE);
  if (!isValidIsoDate(value)) throw new UserError('bad_date', say.badNow(value));
  return value;
}

/** The CONTRACTS.md shape of a reading: exactly the fields of its intent. */
function contractShape(reading: Reading, now: string): Record<string, unknown> {
  switch (reading.intent) {
    case 'log': {
      const activities = reading.activities.map(({ kind, date, title, to }) => ({ kind, date, title, ...(to ? { to } : {}) }));
      const future = activities.some((a) => a.date > now);
      return { intent: 'log', activities, activity: activities[0], ...(future ? { confirm: 'future' } : {}) };
    }
    case 'count':
    case 'list':
      return { intent: reading.intent, kinds: [...reading.kinds].sort(), from: reading.from, to: reading.to };
    case 'unclear':
      return { intent: 'unclear', question: reading.question };
    default:
      return { intent: reading.intent };
  }
}

/** One line a person reads, in Chinese. */
function describe(reading: Reading, taxonomy: Taxonomy): string {
  const name = say.intentNames[reading.intent] ?? reading.intent;
  switch (reading.intent) {
    case 'log':
      return `${name}：${reading.activities.map((a) => `${a.date}${a.to ? `至${a.to}` : ''} ${taxonomy.label(a.kind)}（${a.kind}）${a.title}`).join('；')}`;
    case 'count':
    case 'list': {
      const kinds = reading.kinds.length > 0 ? reading.kinds.map((k) => taxonomy.label(k)).join('、') : say.allKinds;
      const period = reading.from || reading.to ? cliMessages.periodSpan(reading.from ?? '', reading.to ?? '') : say.noPeriod;
      return `${name}：${kinds}；${period}`;
    }
    case 'unclear':
      return `${name}：${reading.question}`;
    default:
      return name;
  }
}

/**
 * One line of `parse --batch`: a JSON object {"now", "text"} (JSON Lines), or — any line
 * not starting with `{` — the message itself, read with today = `--now`.
 */
function batchItem(ctx: CliContext, line: string, defaultNow: string): { now: string; text: string } {
  if (!line.trimStart().startsWith('{')) return { now: defaultNow, text: line.trim() };
  const item = JSON.parse(line) as { now?: unknown; text?: unknown };
  if (typeof item !== 'object' || item === null || typeof item.text !== 'string') throw new Error('shape');
  return { now: typeof item.now === 'string' ? nowOption(ctx, item.now) : defaultNow, text: item.text };
}

async function runBatch(ctx: CliContext): Promise<void> {
  // The rules, and after them the chat model when one is configured (as the assistant reads).
  const reader = ctx.parts.reader();
  const defaultNow = nowOption(ctx, stringOption(ctx, 'now'));
  const lines = (await ctx.readStdin()).split('\n');
  let n = 0;
  for (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    let result: Record<string, unknown>;
    try {
      const item = batchItem(ctx, line, defaultNow);
      result = contractShape(await reader.read(item.text, item.now), item.now);
    } catch (error) {
      // One bad line gets its own error object, so results stay aligned with the input.
      const message = error instanceof UserError ? error.userMessage : say.badBatchLine(n);
      const code = error instanceof UserError ? error.code : 'bad_line';
      result = { error: { code, message } };
    }
    ctx.writeLine(ctx.json ? JSON.stringify(result) : ('error' in result ? String((result.error as { message: string }).message) : JSON.stringify(result)));
  }
}

/** `parse` (the message reader, without acting). */
export const parseCommands: CliCommand[] = [
  {
    name: 'parse',
    summary: commandSummaries.parse,
    help: batchHelp.parse,
    valueOptions: ['now'],
    async run(ctx) {
      const taxonomy = ctx.parts.taxonomy();
      if (ctx.options.batch === true) return runBatch(ctx);
      const text = ctx.positionals.join(' ').trim();
      if (text === '') throw new UserError('empty_text', say.emptyText);
      const now = nowOption(ctx, stringOption(ctx, 'now'));
      const reading = await ctx.parts.reader().read(text, now);
      return { json: contractShape(reading, now), text: describe(reading, taxonomy) };
    },
  },
];
