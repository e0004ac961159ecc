/**
 * `log`, `stats`, `list`, `undo`, `edit`, `delete`, `import`, `export`, `chart`: the activity log from the
 * terminal (CONTRACTS.md, "Activity log"). JSON shapes are the contract; text is Chinese.
 */
import { userInfo } from 'node:os';
import { extname, resolve } from 'node:path';
import { normalizeDate, today } from '../time/index.ts';
import { readChange, readMessage } from '../reader/index.ts';
import { correctedReply, deletedReply, describeInferred, entryInWords, listReply, loggedAllReply, logMessages, renderChart, statsReply, withdrawnReply, readImportPlan, type Activity, type ActivityQuery, type ActivityStore } from '../log/index.ts';
import { UserError } from '../errors.ts';
import { retryWhenBusy, writeFileAtomic } from '../storage/index.ts';
import { stringOption, type CliCommand, type CliContext } from './command.ts';
import { commandSummaries } from './messages.ts';

/**
 * Who is acting: `--by` (both their id and their name), else `terminal:<operating-system user>`
 * as the terminal channel names the same person, else 办公室.
 */
export function actingPerson(ctx: CliContext): { by: string; byName: string } {
  const given = stringOption(ctx, 'by')?.trim();
  if (given) return { by: given, byName: given };
  let user = '';
  try {
    user = userInfo().username;
  } catch {
    // No user entry (some containers): the office as a whole.
  }
  return user ? { by: `terminal:${user}`, byName: user } : { by: logMessages.defaultBy, byName: logMessages.defaultBy };
}

/** Today in the office's time zone (LVZHI_TIME_ZONE), or `--now`. */
function todayOption(ctx: CliContext): string {
  const given = stringOption(ctx, 'now');
  const now = given === undefined ? today(new Date(), ctx.parts.settings.LVZHI_TIME_ZONE) : normalizeDate(given);
  if (!now) throw new UserError('bad_date', logMessages.badDate(given ?? ''));
  return now;
}

/** Run with the activity log, in the data folder or in PostgreSQL (the run closes it however the command ends). */
export async function withLog<T>(ctx: CliContext, work: (log: ActivityStore) => Promise<T> | T): Promise<T> {
  return work(ctx.parts.activities());
}

/** `--from`, `--to`, `--kinds a,b` (ids or labels) as a query. */
function queryOf(ctx: CliContext): ActivityQuery {
  const kinds = stringOption(ctx, 'kinds')?.split(/[,，、]/).map((k) => k.trim()).filter(Boolean) ?? [];
  return { from: stringOption(ctx, 'from') ?? null, to: stringOption(ctx, 'to') ?? null, kinds };
}

/** An activity exactly as `list --json` prints it (`to` only for a multi-day activity). */
export function activityJson(a: Activity): Activity {
  return { id: a.id, date: a.date, kind: a.kind, title: a.title, by: a.by, by_name: a.by_name ?? a.by, ...(a.to ? { to: a.to } : {}) };
}

/** The entry number of `edit ID` / `delete ID`. */
function idArgument(ctx: CliContext): number {
  const written = ctx.positionals[0] ?? '';
  const id = Number(written);
  if (!/^\d+$/.test(written) || !Number.isSafeInteger(id)) throw new UserError('bad_id', logMessages.badId(written));
  return id;
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
  booleanFlags: ['yes', 'confirm'],
  run: async (ctx) => {
    const text = ctx.positionals.join(' ').trim();
    if (!text) throw new UserError('missing_text', logMessages.needText);
    const now = todayOption(ctx);
    return withLog(ctx, async (log) => {
      const reading = readMessage(text, now, log.taxonomy);
      if (reading.intent === 'unclear') throw new UserError('unclear_message', logMessages.unclearNotSaved(reading.question));
      if (reading.intent !== 'log') {
        throw new UserError('not_a_log', logMessages.notALog(logMessages.notALogBecause[reading.intent] ?? ''));
      }
      const entries = reading.activities.map(({ kind, date, title, to }) => ({ kind, date, title, ...(to ? { to } : {}) }));
      // A date after today is more often a slip than a plan: nothing is stored until --yes says it is one.
      const future = entries.filter((e) => e.date > now);
      if (future.length > 0 && ctx.options.yes !== true && ctx.options.confirm !== true) {
        return {
          json: { confirm: 'future', activities: entries },
          text: logMessages.futureNeedsYes(future.map((e) => e.date).join('、'), now),
        };
      }
      const { by, byName } = actingPerson(ctx);
      // An import running elsewhere holds the lock for a few seconds: wait for it, then store.
      const results = await retryWhenBusy(() => log.addAll(entries, { by, byName, channel: 'cli', message: text }));
      const activities = results.map((r) => activityJson(r.activity));
      return {
        json: { activities, activity: activities[0], duplicate: results[0].duplicate },
        text: loggedAllReply(results, log.taxonomy, now),
      };
    });
  },
};

const stats: CliCommand = {
  name: 'stats',
  summary: commandSummaries.stats,
  valueOptions: ['from', 'to', 'kinds'],
  run: (ctx) => withLog(ctx, async (log) => {
    const result = await log.stats(queryOf(ctx));
    return { json: result, text: statsReply(result) };
  }),
};

const list: CliCommand = {
  name: 'list',
  summary: commandSummaries.list,
  valueOptions: ['from', 'to', 'kinds'],
  run: (ctx) => withLog(ctx, async (log) => {
    const query = queryOf(ctx);
    const activities = (await log.list(query)).map(activityJson);
    return { json: { activities }, text: listReply(activities, query, log.taxonomy) };
  }),
};

const undo: CliCommand = {
  name: 'undo',
  summary: commandSummaries.undo,
  valueOptions: ['by'],
  run: (ctx) => withLog(ctx, async (log) => {
    const { by, byName } = actingPerson(ctx);
    const withdrawn = await retryWhenBusy(() => log.undo(by, { byName, channel: 'cli', message: 'undo' }));
    if (withdrawn.length === 0) throw new UserError('nothing_to_undo', logMessages.nothingToUndo(byName));
    const all = withdrawn.map(activityJson);
    return { json: { withdrawn: all[0], entries: all }, text: withdrawnReply(withdrawn, log.taxonomy) };
  }),
};

const edit: CliCommand = {
  name: 'edit',
  summary: commandSummaries.edit,
  valueOptions: ['date', 'kind', 'title', 'by', 'now'],
  run: (ctx) => withLog(ctx, async (log) => {
    const id = idArgument(ctx);
    const now = todayOption(ctx);
    const date = stringOption(ctx, 'date');
    const kind = stringOption(ctx, 'kind');
    const title = stringOption(ctx, 'title');
    if (date === undefined && kind === undefined && title === undefined) throw new UserError('nothing_to_change', logMessages.needChange);
    // --date takes 2023-06-13 as written, or Chinese words (6月13日) read like a message.
    let iso = date === undefined ? undefined : normalizeDate(date);
    if (date !== undefined && !iso) {
      const change = readChange(`日期 ${date}`, now, log.taxonomy);
      if (!change || 'question' in change || !change.date) throw new UserError('bad_date', change && 'question' in change ? change.question : logMessages.badDate(date));
      iso = change.date;
    }
    const before = await log.get(id);
    if (!before) throw new UserError('no_such_activity', logMessages.noSuchEntry(id));
    const { by, byName } = actingPerson(ctx);
    const changes = { ...(iso ? { date: iso } : {}), ...(kind !== undefined ? { kind } : {}), ...(title !== undefined ? { title } : {}) };
    const after = await retryWhenBusy(() => log.correct(id, changes, by, { byName, channel: 'cli', message: `edit ${id}` }));
    return { json: { activity: activityJson(after) }, text: correctedReply(before, after, log.taxonomy, now) };
  }),
};

const remove: CliCommand = {
  name: 'delete',
  summary: commandSummaries.delete,
  valueOptions: ['by'],
  run: (ctx) => withLog(ctx, async (log) => {
    const id = idArgument(ctx);
    const { by, byName } = actingPerson(ctx);
    const deleted = await retryWhenBusy(() => log.remove(id, by, { byName, channel: 'cli', message: `delete ${id}` }));
    return { json: { deleted: activityJson(deleted) }, text: deletedReply(deleted, log.taxonomy) };
  }),
};

const importCommand: CliCommand = {
  name: 'import',
  summary: commandSummaries.import,
  valueOptions: ['by'],
  booleanFlags: ['yes', 'confirm'],
  run: (ctx) => withLog(ctx, async (log) => {
    const path = fileArgument(ctx, 'import');
    const plan = await readImportPlan(path, log.taxonomy);
    // A ledger's kinds were read, not given: show them, store nothing until --yes.
    if (plan.inferred.length > 0 && ctx.options.yes !== true && ctx.options.confirm !== true) {
      return {
        json: { confirm: 'kinds', imported: 0, activities: plan.inferred },
        text: `${describeInferred(plan, log.taxonomy)}\n${logMessages.importConfirmHint}`,
      };
    }
    const result = await retryWhenBusy(() => log.addMany(plan.entries, { ...actingPerson(ctx), channel: 'cli', message: `import ${path}` }));
    return { json: result, text: logMessages.imported(result.imported, result.duplicates) };
  }),
};

const exportCommand: CliCommand = {
  name: 'export',
  summary: commandSummaries.export,
  valueOptions: ['from', 'to', 'kinds'],
  run: (ctx) => withLog(ctx, async (log) => {
    const path = fileArgument(ctx, 'export');
    const result = await log.exportFile(path, queryOf(ctx), { timeZone: ctx.parts.settings.LVZHI_TIME_ZONE });
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
    const data = by === 'month' ? await log.statsByMonth(query) : await log.stats(query);
    const png = await renderChart(data, { by, kinds: query.kinds, taxonomy: log.taxonomy });
    try {
      writeFileAtomic(path, png);
    } catch (cause) {
      throw new UserError('export_failed', logMessages.exportFailed(path), { cause });
    }
    return { json: { chart: path, by, from: data.from, to: data.to, total: data.total }, text: logMessages.charted(path) };
  }),
};

/** `log`, `stats`, `list`, `undo`, `edit`, `delete`, `import`, `export`, `chart`. */
export const logCommands: CliCommand[] = [logEntry, stats, list, undo, edit, remove, importCommand, exportCommand, chart];
