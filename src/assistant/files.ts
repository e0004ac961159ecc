/**
 * Files dropped into the chat by an admin: downloaded to a temporary folder (the name may
 * be Chinese), ingested into the knowledge base with progress, and confirmed; a CSV/XLSX
 * table is offered as an activity import instead. Every download is size-checked before it
 * starts (where the platform says the size) and stopped at the limit; a downloaded table
 * waiting for "导入" is deleted when it expires or is replaced; it outlives a restart (its
 * question is kept in the data folder), so it is held under a name without the process id
 * (upload-folders.ts). A fault of ours while handling them leaves none of the downloads behind.
 */
import { rmSync } from 'node:fs';
import { extname } from 'node:path';
import { AppError, InternalError, UserError } from '../errors.ts';
import { MAX_TABLE_BYTES } from '../input/index.ts';
import { logFailure, type ErrorLog } from './error-boundary.ts';
import { MAX_DOCUMENT_BYTES, PUBLIC_SCOPE, SUPPORTED_EXTENSIONS, type KnowledgeBase } from '../knowledge/index.ts';
import { logMessages } from '../log/index.ts';
import { confirmationWords, messages as m } from './messages.ts';
import type { Incoming, IncomingFile, Reply } from './types.ts';
import { discardImport, download, hold, safeFileName, type PendingImport, type PendingUpload, type UploadTarget } from './upload-folders.ts';

export {
  discardImport, isPendingImport, isPendingUpload, removeAbandonedUploads, safeFileName,
  type PendingImport, type PendingUpload, type UploadTarget,
} from './upload-folders.ts';

/** Formats the knowledge base reads (CONTRACTS.md, `ingest`): the loaders' own list. */
export const KNOWLEDGE_EXTENSIONS: ReadonlySet<string> = new Set(SUPPORTED_EXTENSIONS);
/** Tables the activity log can import. */
export const TABLE_EXTENSIONS = new Set(['.csv', '.xlsx']);

/** What handling the files of one message gave: the lines to say and maybe a pending import or replacement. */
export interface FilesOutcome {
  readonly lines: string[];
  readonly pendingImport?: PendingImport;
  /** Documents that would replace stored ones of the same path: asked about first. */
  readonly pendingReplace?: readonly PendingUpload[];
}

function titleOf(name: string): string {
  return name.slice(0, name.length - extname(name).length) || name;
}

/** Progress shown in chat; a channel failing to show it must not fail the ingest. */
function progressOf(incoming: Pick<Incoming, 'progress'>): (text: string) => Promise<void> {
  return async (text) => {
    await incoming.progress?.(text).catch(() => undefined);
  };
}

/** Ingest one downloaded document under its chat identity and say how it went; the copy is deleted after. */
export async function ingestUpload(knowledge: KnowledgeBase, upload: Pick<PendingUpload, 'name' | 'path' | 'target'>, incoming: Pick<Incoming, 'progress'>): Promise<string[]> {
  const { name, path, target } = upload;
  const progress = progressOf(incoming);
  const lines: string[] = [];
  try {
    const before = knowledge.size();
    const report = await knowledge.ingest([path], {
      doc: target.doc,
      scope: target.scope,
      onProgress: (done, total) => void progress(m.ingestProgress(done, total)),
      onOcrProgress: (done, total) => void progress(m.ocrProgress(done, total)),
    });
    const skipped = report.skipped[0];
    if (skipped) lines.push(m.ingestSkipped(name, skipped.reason));
    else if (report.unchanged > 0 && report.added === 0 && report.updated === 0) lines.push(m.ingestUnchanged(titleOf(name)));
    else if (report.added > 0) lines.push(m.ingested(titleOf(name), knowledge.size() - before, target.scope));
    else lines.push(m.ingestUpdated(titleOf(name), report.chunks));
    for (const note of report.notes) lines.push(m.ingestNote(titleOf(name), note.note));
  } catch (error) {
    // A bad file is the user's to fix: say why in Chinese. Anything else is ours: rethrow.
    if (error instanceof AppError) lines.push(m.ingestSkipped(name, error.userMessage));
    else throw error;
  }
  return lines;
}

/** The folder part of a doc path, as the replace question names it: 办公室 for 办公室/通知.md. */
function folderOf(doc: string): string {
  return doc.includes('/') ? doc.slice(0, doc.lastIndexOf('/')) : doc;
}

/**
 * Ingest (or offer to import) each file; one file's failure is named and the rest go on.
 * `target` gives a document its identity in the chat's upload folder; one that would replace
 * a stored document is kept and asked about instead of ingested.
 */
export async function handleFiles(
  files: readonly IncomingFile[],
  knowledge: KnowledgeBase,
  incoming: Pick<Incoming, 'progress'>,
  canImport: boolean,
  log: ErrorLog,
  previewImport?: (path: string) => Promise<string | undefined>,
  target: (name: string) => UploadTarget = (name) => ({ doc: `${PUBLIC_SCOPE}/${name}`, scope: PUBLIC_SCOPE }),
): Promise<FilesOutcome> {
  const lines: string[] = [];
  const pendingReplace: PendingUpload[] = [];
  // A download that fails is named to the user; ours to fix gets a code and a log line.
  const failed = (name: string, error: unknown): string => {
    if (error instanceof UserError && error.code === 'file_too_large') return error.userMessage;
    if (error instanceof AppError && !(error instanceof InternalError)) return m.ingestSkipped(name, error.userMessage);
    return m.ingestFailed(name, logFailure(log, error, { code: 'download_failed', file: name }));
  };
  let pendingImport: PendingImport | undefined;
  const progress = progressOf(incoming);
  for (const file of files) {
    const name = safeFileName(file.name);
    const ext = extname(name).toLowerCase();
    if (TABLE_EXTENSIONS.has(ext)) {
      if (!canImport) {
        lines.push(m.unsupportedFile(name));
        continue;
      }
      if (file.size !== undefined && file.size > MAX_TABLE_BYTES) {
        lines.push(m.fileTooLarge(name, Math.ceil(file.size / 1048576), MAX_TABLE_BYTES / 1048576));
        continue;
      }
      let downloaded: { folder: string; path: string } | undefined;
      try {
        downloaded = await download(file, MAX_TABLE_BYTES);
        const { folder, path } = downloaded;
        // Checked before it is offered: a bad row is named now, and kinds read from a
        // ledger's content are shown so the answer 导入 confirms what will be stored.
        const preview = await previewImport?.(path);
        if (pendingImport) discardImport(pendingImport);
        downloaded = hold({ folder, path });
        pendingImport = { name, path: downloaded.path, folder: downloaded.folder };
        lines.push(m.importOffer(name), ...(preview ? [preview] : []));
      } catch (error) {
        if (downloaded) rmSync(downloaded.folder, { recursive: true, force: true });
        // The message names the file as sent, not the folder it was downloaded to.
        const said = (e: AppError) => m.importFailed(downloaded ? e.userMessage.replaceAll(downloaded.path, `《${name}》`) : e.userMessage);
        lines.push(error instanceof AppError && downloaded && !(error instanceof InternalError) ? said(error) : failed(name, error));
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
      downloaded = await download(file, MAX_DOCUMENT_BYTES);
    } catch (error) {
      lines.push(failed(name, error));
      continue;
    }
    const upload = { name, path: downloaded.path, target: target(name) };
    let kept = false;
    try {
      const stored = await knowledge.document(upload.target.doc);
      if (stored) {
        // Same folder and name as a stored document: replacing it is the admin's call.
        const held = hold(downloaded);
        kept = true;
        pendingReplace.push({ ...upload, path: held.path, folder: held.folder });
        lines.push(m.replaceQuestion(titleOf(name), folderOf(stored.doc)));
        continue;
      }
      lines.push(...await ingestUpload(knowledge, upload, incoming));
    } catch (error) {
      // A fault of ours goes on to the error boundary: nothing downloaded for this message stays.
      for (const file of [...pendingReplace, ...(pendingImport ? [pendingImport] : [])]) discardImport(file);
      throw error;
    } finally {
      if (!kept) rmSync(downloaded.folder, { recursive: true, force: true });
    }
  }
  return pendingReplace.length ? { lines, pendingImport, pendingReplace } : { lines, pendingImport };
}

/**
 * The answer to "import this table?": `importFile` runs it (undefined when the person may not
 * import). A bad table is named row by row; a fault of ours goes on to the error boundary.
 * The downloaded copy is deleted however it ends. Undefined: the person moved on.
 */
export async function answerImport(
  file: PendingImport, text: string, importFile: ((path: string) => Promise<{ imported: number; duplicates: number }>) | undefined,
): Promise<Reply | undefined> {
  try {
    if (confirmationWords.importYes.test(text) && importFile) {
      try {
        const { imported, duplicates } = await importFile(file.path);
        return { text: logMessages.imported(imported, duplicates) };
      } catch (error) {
        if (error instanceof UserError) return { text: m.importFailed(error.userMessage.replaceAll(file.path, `《${file.name}》`)) };
        throw error;
      }
    }
    if (confirmationWords.no.test(text)) return { text: m.cancelled };
    return undefined;
  } finally {
    discardImport(file);
  }
}
