/**
 * 导出上半年的视察, 把这些活动做成表格: the list also comes as an Excel file with the export's
 * columns (日期, 结束日期, 类型, 事项, 记录人, 记录时间, 编号), named after the period and kinds.
 */
import { periodInWords } from '../time/index.ts';
import type { Taxonomy } from '../reader/index.ts';
import type { Narrowing } from './topic-query.ts';
import { messages as m } from './messages.ts';
import type { ActivityLogPort } from './ports.ts';
import type { Query } from './commands/index.ts';
import { kindsText } from './render.ts';
import type { ReplyFile } from './types.ts';

/** Words asking for the list as a file (导出来, 做成一个表格, excel). */
const EXPORT_SOURCE = '导出来?|下载|(?:做|生成|弄|整理)?成?(?:一个|一份)?(?:excel|xlsx|电子表格|表格)|(?<=导出|下载|成)\\s*(?:word|docx)(?:版|文件|文档)?';
const EXPORT = new RegExp(EXPORT_SOURCE, 'i');

/** Whether the words ask for the list as a table file. */
export function wantsExport(text: string): boolean {
  return EXPORT.test(text);
}

/** The words with every request for a file taken out (what is left names kinds or a period). */
export function withoutExportWords(text: string): string {
  return text.replace(new RegExp(EXPORT_SOURCE, 'gi'), '');
}

/** The list as an .xlsx reply file, or undefined when the log cannot export. */
export async function exportedList(activities: ActivityLogPort, query: Query, taxonomy: Taxonomy, narrowing?: Narrowing): Promise<ReplyFile | undefined> {
  if (!activities.exportTable) return undefined;
  // The table is narrowed as the list was: titles holding the subject's core, one person's entries.
  const core = narrowing?.core ?? '';
  const by = narrowing?.by ? (narrowing.by.self ? narrowing.by.id : narrowing.by.name) : undefined;
  const data = await activities.exportTable({ kinds: query.kinds, from: query.from, to: query.to, ...(core ? { text: core } : {}), ...(by ? { by } : {}) });
  const period = query.from || query.to ? periodInWords(query.from, query.to) : m.exportAllTime;
  const name = `${period}${core}${query.kinds.length > 0 ? kindsText(query.kinds, taxonomy) : ''}${m.exportFileWord}.xlsx`;
  return { name, data, kind: 'document', caption: name.replace(/\.xlsx$/, '') };
}
