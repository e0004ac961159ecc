/**
 * `log`, `stats`, `list`, `undo`, `import`, `export`, `chart`: the activity log from the
 * terminal (CONTRACTS.md, "Activity log"). JSON shapes are the contract; text is Chinese.
 */
import { userInfo } from 'node:os';
import { extname, resolve } from 'node:path';
import {
  describeInferred, listReply, loggedReply, logMessages, normalizeDate, openActivityLog, readMessage, renderChart, statsReply,
  today, withdrawnReply, type Activity, type ActivityLog, type ActivityQuery,
} from '../activities/index.ts';
import { UserError } from '../errors.ts';
import { retryWhenBusy, writeFileAtomic } from '../storage/index.ts';
import { stringOption, type CliCommand, type CliContext } from './command.ts';
import { commandSummaries } from './messages.ts';

/** Who is acting: `--by`, else the operating-system user, else 办公室. */
export function actingPerson(ctx: CliContext): string {
  const given = stringOption(ctx, 'by')?.trim();
  if (given) return given;
  try {
    return userInfo().username || logMessages.defaultBy;
  } catch {
    return logMessages.defaultBy;
  }
}

/** Run with the data folder's log open, closing it however the command ends. */
export async function withLog<T>(ctx: CliContext, work: (log: ActivityLog) => Promise<T> | T): Promise<T> {
  const log = openActivityLog({ dataDir: ctx.dataDir });
  try {
    return await work(log);
  } finally {
    log.close();
  }
}

/** `--from`, `--to`, `--kinds a,b` (ids or labels) as a query. */
function queryOf(ctx: CliContext): ActivityQuery {
  const kinds = stringOption(ctx, 'kinds')?.split(/[,，、]/).map((k) => k.trim()).filter(Boolean) ?? [];
  return { from: stringOption(ctx, 'from') ?? null, to: stringOption(ctx, 'to') ?? null, kinds };
}

/** An activity exactly as `list --json` prints it. */
export function activityJson(a: Activity): Activity {
  return { id: a.id, date: a.date, kind: a.kind, title: a.title, by: a.by };
}

function fileArgument(ctx: CliContext, command: string): string {
  const file = ctx.positionals[0];
  if (!file) throw new UserError('missing_file', logMessages.needFile(command));
  return resolve(file);
}

const logEntry: CliCommand = {
  name: 'log',
  summary: commandSummaries.log,
  valueOptions: ['now', 'by'],
  booleanFlags: ['confirm'],
  run: async (ctx) => {
    const text = ctx.positionals.join(' ').trim();
    if (!text) throw new UserError('missing_text', logMessages.needText);
    const nowOption = stringOption(ctx, 'now');
    const now = nowOption === undefined ? today() : normalizeDate(nowOption);
    if (!now) throw new UserError('bad_date', logMessages.badDate(nowOption ?? ''));
    return withLog(ctx, async (log) => {
      const reading = readMessage(text, now, log.taxonomy);
      if (reading.intent === 'unclear') throw new UserError('unclear_message', logMessages.unclearNotSaved(reading.question));
      if (reading.intent !== 'log') {
        throw new UserError('not_a_log', logMessages.notALog(logMessages.notALogBecause[reading.intent] ?? ''));
      }
      const { date } = reading.activity;
      // A date after today is more often a slip than a plan: ask before storing it.
      if (date > now && ctx.options.confirm !== true) throw new UserError('future_date', logMessages.futureDate(date, now));
      // An import running elsewhere holds the lock for a few seconds: wait for it, then store.
      const { activity, duplicate } = await retryWhenBusy(() => log.add(reading.activity, { by: actingPerson(ctx), channel: 'cli', message: text }));
      return { json: { activity: activityJson(activity), duplicate }, text: loggedReply(activity, duplicate, log.taxonomy, now) };
    });
  },
};

const stats: CliCommand = {
  name: 'stats',
  summary: commandSummaries.stats,
  valueOptions: ['from', 'to', 'kinds'],
  run: (ctx) => withLog(ctx, (log) => {
    const result = log.stats(queryOf(ctx));
    return { json: result, text: statsReply(result) };
  }),
};

const list: CliCommand = {
  name: 'list',
  summary: commandSummaries.list,
  valueOptions: ['from', 'to', 'kinds'],
  run: (ctx) => withLog(ctx, (log) => {
    const query = queryOf(ctx);
    const activities = log.list(query).map(activityJson);
    return { json: { activities }, text: listReply(activities, query, log.taxonomy) };
  }),
};

const undo: CliCommand = {
  name: 'undo',
  summary: commandSummaries.undo,
  valueOptions: ['by'],
  run: (ctx) => withLog(ctx, async (log) => {
    const by = actingPerson(ctx);
    const withdrawn = await retryWhenBusy(() => log.undo(by, { channel: 'cli', message: 'undo' }));
    if (!withdrawn) throw new UserError('nothing_to_undo', logMessages.nothingToUndo(by));
    return { json: { withdrawn: activityJson(withdrawn) }, text: withdrawnReply(withdrawn, log.taxonomy) };
  }),
};

const importCommand: CliCommand = {
  name: 'import',
  summary: commandSummaries.import,
  valueOptions: ['by'],
  booleanFlags: ['yes', 'confirm'],
  run: (ctx) => withLog(ctx, async (log) => {
    const path = fileArgument(ctx, 'import');
    const plan = await log.planImport(path);
    // A ledger's kinds were read, not given: show them, store nothing until --yes.
    if (plan.inferred.length > 0 && ctx.options.yes !== true && ctx.options.confirm !== true) {
      return {
        json: { confirm: 'kinds', imported: 0, activities: plan.inferred },
        text: `${describeInferred(plan, log.taxonomy)}\n${logMessages.importConfirmHint}`,
      };
    }
    const result = log.addMany(plan.entries, { by: actingPerson(ctx), channel: 'cli', message: `import ${path}` });
    return { json: result, text: logMessages.imported(result.imported, result.duplicates) };
  }),
};

const exportCommand: CliCommand = {
  name: 'export',
  summary: commandSummaries.export,
  valueOptions: ['from', 'to', 'kinds'],
  run: (ctx) => withLog(ctx, async (log) => {
    const path = fileArgument(ctx, 'export');
    const result = await log.exportFile(path, queryOf(ctx));
    return { json: result, text: logMessages.exported(result.exported, result.path) };
  }),
};

const chart: CliCommand = {
  name: 'chart',
  summary: commandSummaries.chart,
  valueOptions: ['by', 'from', 'to', 'kinds'],
  run: (ctx) => withLog(ctx, async (log) => {
    const path = fileArgument(ctx, 'chart');
    if (extname(path).toLowerCase() !== '.png') throw new UserError('chart_needs_png', logMessages.chartNeedsPng(path));
    const by = stringOption(ctx, 'by') ?? 'kind';
    if (by !== 'kind' && by !== 'month') throw new UserError('bad_chart_by', logMessages.badChartBy(by));
    const query = queryOf(ctx);
    const data = by === 'month' ? log.statsByMonth(query) : log.stats(query);
    const png = await renderChart(data, { by, kinds: query.kinds, taxonomy: log.taxonomy });
    try {
      writeFileAtomic(path, png);
    } catch (cause) {
      throw new UserError('export_failed', logMessages.exportFailed(path), { cause });
    }
    return { json: { chart: path, by, from: data.from, to: data.to, total: data.total }, text: logMessages.charted(path) };
  }),
};

/** `log`, `stats`, `list`, `undo`, `import`, `export`, `chart`. */
export const logCommands: CliCommand[] = [logEntry, stats, list, undo, importCommand, exportCommand, chart];
