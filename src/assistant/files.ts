/**
 * Files dropped into the chat by an admin: downloaded to a temporary folder (the name may
 * be Chinese), ingested into the knowledge base with progress, and confirmed; a CSV/XLSX
 * table is offered as an activity import instead.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { AppError, InternalError, errorReference } from '../errors.ts';
import type { ErrorLog } from './error-boundary.ts';
import { MAX_DOCUMENT_BYTES, SUPPORTED_EXTENSIONS, type KnowledgeBase } from '../knowledge/index.ts';
import { messages as m } from './messages.ts';
import type { Incoming, IncomingFile } from './types.ts';

/** Formats the knowledge base reads (CONTRACTS.md, `ingest`): the loaders' own list. */
export const KNOWLEDGE_EXTENSIONS: ReadonlySet<string> = new Set(SUPPORTED_EXTENSIONS);
/** Tables the activity log can import. */
export const TABLE_EXTENSIONS = new Set(['.csv', '.xlsx']);

/** A downloaded table waiting for the user to say whether to import it. */
export interface PendingImport {
  readonly name: string;
  readonly path: string;
  /** Remove the downloaded copy. */
  discard(): void;
}

/** What handling the files of one message gave: the lines to say and maybe a pending import. */
export interface FilesOutcome {
  readonly lines: string[];
  readonly pendingImport?: PendingImport;
}

/** A file name safe to write in our own folder: no path, no control characters, Chinese kept. */
export function safeFileName(name: string): string {
  const base = basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f<>:"|?*]/g, '_').trim();
  return base && base !== '.' && base !== '..' ? base : 'upload';
}

function titleOf(name: string): string {
  return name.slice(0, name.length - extname(name).length) || name;
}

async function download(file: IncomingFile): Promise<{ folder: string; path: string }> {
  const folder = mkdtempSync(join(tmpdir(), 'lvzhi-upload-'));
  const path = join(folder, safeFileName(file.name));
  try {
    await file.download(path);
    return { folder, path };
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}

/** Ingest (or offer to import) each file; one file's failure is named and the rest go on. */
export async function handleFiles(
  files: readonly IncomingFile[],
  knowledge: KnowledgeBase,
  incoming: Pick<Incoming, 'progress'>,
  canImport: boolean,
  log: ErrorLog,
  previewImport?: (path: string) => Promise<string | undefined>,
): Promise<FilesOutcome> {
  const lines: string[] = [];
  // A download that fails is named to the user; ours to fix gets a code and a log line.
  const failed = (name: string, error: unknown): string => {
    if (error instanceof AppError && !(error instanceof InternalError)) return m.ingestSkipped(name, error.userMessage);
    const ref = errorReference();
    log({ ref, code: 'download_failed', file: name, message: String(error), stack: error instanceof Error ? error.stack : undefined });
    return m.ingestFailed(name, ref);
  };
  let pendingImport: PendingImport | undefined;
  const progress = async (text: string) => {
    // Progress is a courtesy: a channel failing to show it must not fail the ingest.
    await incoming.progress?.(text).catch(() => undefined);
  };
  for (const file of files) {
    const name = safeFileName(file.name);
    const ext = extname(name).toLowerCase();
    if (TABLE_EXTENSIONS.has(ext)) {
      if (!canImport) {
        lines.push(m.unsupportedFile(name));
        continue;
      }
      let downloaded: { folder: string; path: string } | undefined;
      try {
        downloaded = await download(file);
        const { folder, path } = downloaded;
        // Checked before it is offered: a bad row is named now, and kinds read from a
        // ledger's content are shown so the answer 导入 confirms what will be stored.
        const preview = await previewImport?.(path);
        pendingImport?.discard();
        pendingImport = { name, path, discard: () => rmSync(folder, { recursive: true, force: true }) };
        lines.push(m.importOffer(name), ...(preview ? [preview] : []));
      } catch (error) {
        if (downloaded) rmSync(downloaded.folder, { recursive: true, force: true });
        lines.push(error instanceof AppError && downloaded && !(error instanceof InternalError) ? m.importFailed(error.userMessage) : failed(name, error));
      }
      continue;
    }
    if (!KNOWLEDGE_EXTENSIONS.has(ext)) {
      lines.push(m.unsupportedFile(name));
      continue;
    }
    // Refused before downloading: the knowledge base would skip it anyway.
    if (file.size !== undefined && file.size > MAX_DOCUMENT_BYTES) {
      lines.push(m.fileTooLarge(name, Math.ceil(file.size / 1048576), MAX_DOCUMENT_BYTES / 1048576));
      continue;
    }
    let downloaded: { folder: string; path: string };
    try {
      await progress(m.ingestStart(titleOf(name)));
      downloaded = await download(file);
    } catch (error) {
      lines.push(failed(name, error));
      continue;
    }
    try {
      const before = knowledge.size();
      const report = await knowledge.ingest([downloaded.path], {
        onProgress: (done, total) => void progress(m.ingestProgress(done, total)),
        onOcrProgress: (done, total) => void progress(m.ocrProgress(done, total)),
      });
      const skipped = report.skipped[0];
      if (skipped) lines.push(m.ingestSkipped(name, skipped.reason));
      else if (report.unchanged > 0 && report.added === 0 && report.updated === 0) lines.push(m.ingestUnchanged(titleOf(name)));
      else if (report.added > 0) lines.push(m.ingested(titleOf(name), knowledge.size() - before));
      else lines.push(m.ingestUpdated(titleOf(name), report.chunks));
      for (const note of report.notes) lines.push(m.ingestNote(titleOf(name), note.note));
    } catch (error) {
      // A bad file is the user's to fix: say why in Chinese. Anything else is ours: rethrow.
      if (error instanceof AppError) lines.push(m.ingestSkipped(name, error.userMessage));
      else throw error;
    } finally {
      rmSync(downloaded.folder, { recursive: true, force: true });
    }
  }
  return { lines, pendingImport };
}
