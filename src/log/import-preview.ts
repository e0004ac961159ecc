/**
 * What a checked import holds, and how the kinds read from a ledger's content are shown
 * for confirmation. Kept apart from log-import.ts so showing it does not load exceljs.
 */
import type { Taxonomy } from '../reader/index.ts';
import { logMessages } from './messages.ts';
import { UserError } from '../errors.ts';
import type { RecordedEntry } from './entries.ts';

/** A row whose kind was read from its content (the table has no kind column). */
export interface InferredRow {
  readonly row: number;
  readonly date: string;
  readonly kind: string;
  readonly title: string;
  /** True when nothing in the content named a kind: it would be stored as `other`. */
  readonly unread: boolean;
}

/** A checked import: the entries to store, and the kinds that were read rather than given. */
export interface ImportPlan {
  readonly entries: readonly RecordedEntry[];
  /** Empty when the table gives every kind; otherwise one per row, for confirmation. */
  readonly inferred: readonly InferredRow[];
}

/** What the kinds read from a ledger's content look like, for the person to confirm. */
export function describeInferred(plan: ImportPlan, taxonomy: Taxonomy, shown = 20): string {
  const byKind = new Map<string, number>();
  for (const row of plan.inferred) byKind.set(row.kind, (byKind.get(row.kind) ?? 0) + 1);
  const summary = [...byKind.entries()].sort((a, b) => b[1] - a[1])
    .map(([kind, n]) => logMessages.importKindCount(taxonomy.label(kind), n)).join('、');
  const unread = plan.inferred.filter((r) => r.unread);
  const lines = [
    logMessages.importKindsRead(plan.inferred.length, summary),
    ...plan.inferred.slice(0, shown).map((r) => logMessages.importInferredRow(r.row, r.date, taxonomy.label(r.kind), r.title)),
    ...(plan.inferred.length > shown ? [logMessages.importMoreRows(plan.inferred.length - shown)] : []),
    ...(unread.length > 0 ? [logMessages.importUnreadRows(unread.map((r) => r.row).join('、'), taxonomy.label('other'))] : []),
  ];
  return lines.join('\n');
}


/** Read and check an import file (loading the table readers only now); nothing is stored. */
export async function readImportPlan(path: string, taxonomy: Taxonomy): Promise<ImportPlan> {
  return (await import('./import.ts')).planImport(path, taxonomy);
}

/** The plan of a file about to be stored: refused when its kinds were read and nobody confirmed them. */
export async function confirmedImportPlan(path: string, taxonomy: Taxonomy, acceptInferred = false): Promise<ImportPlan> {
  const plan = await readImportPlan(path, taxonomy);
  if (plan.inferred.length > 0 && !acceptInferred) throw new UserError('import_unconfirmed', describeInferred(plan, taxonomy));
  return plan;
}

/** The kinds read from a ledger's content, in words to confirm; undefined when the file gives every kind. */
export async function previewImportFile(path: string, taxonomy: Taxonomy): Promise<string | undefined> {
  const plan = await readImportPlan(path, taxonomy);
  return plan.inferred.length > 0 ? describeInferred(plan, taxonomy) : undefined;
}
