/** Export of the log to .csv/.xlsx with the import's columns, so a file round-trips. */
import type { Activity } from './types.ts';
import { writeTable } from './log-table-file.ts';

/** The export header: the same columns import reads (CONTRACTS.md). */
export const EXPORT_HEADER = ['date', 'kind', 'title', 'by'] as const;

/** Write activities to `path` (format by extension), atomically. */
export async function writeExportFile(path: string, activities: readonly Activity[]): Promise<void> {
  const rows = activities.map((a) => [a.date, a.kind, a.title, a.by]);
  await writeTable(path, [[...EXPORT_HEADER], ...rows]);
}
