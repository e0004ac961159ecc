/**
 * The folders in the temporary folder that files sent in chat are downloaded to: named with the
 * process id while in use (`lvzhi-upload-<pid>-XXXXXX`), so those of a stopped or killed process
 * are known; a download waiting for an answer is held under a name without it, as its question
 * outlives a restart. Office data must not linger there: every path here deletes what it made.
 */
import { mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { plainText, tooLargeToDownload } from '../input/index.ts';
import { processAlive } from '../storage/index.ts';
import type { IncomingFile } from './types.ts';

/** Upload folders carry the pid of the process that made them: `lvzhi-upload-<pid>-XXXXXX`. */
const UPLOAD_PREFIX = 'lvzhi-upload-';
/** A table waiting for "导入" is held in a folder without a pid: a restart must not delete it. */
const HELD_PREFIX = `${UPLOAD_PREFIX}held-`;
/** An upload folder without a pid (held, or an older version's) is abandoned after this long. */
const ABANDONED_AFTER_MS = 24 * 60 * 60_000;

/** A downloaded table waiting for the user to say whether to import it (plain data: it is stored). */
export interface PendingImport {
  readonly name: string;
  readonly path: string;
  /** The held upload folder the table is in, removed with it. */
  readonly folder: string;
}

/** Remove a pending import's downloaded copy. */
export function discardImport(file: PendingImport): void {
  rmSync(file.folder, { recursive: true, force: true });
}

/**
 * A stored pending import we may act on: its folder a held upload folder directly in the
 * temporary folder and its table inside it, so a damaged row can never point a deletion elsewhere.
 */
export function isPendingImport(value: unknown, folder = tmpdir()): value is PendingImport {
  const file = value as Partial<PendingImport> | null;
  if (typeof file !== 'object' || file === null) return false;
  if (typeof file.name !== 'string' || typeof file.path !== 'string' || typeof file.folder !== 'string') return false;
  return dirname(file.folder) === folder && basename(file.folder).startsWith(HELD_PREFIX) && dirname(file.path) === file.folder;
}

/**
 * A downloaded document that would replace one already stored: held (like a pending import,
 * plain data so it is stored) until the admin answers; `discardImport` removes its copy.
 */
export interface PendingUpload extends PendingImport {
  /** Where it goes: the chat's upload folder (its department) and its file name. */
  readonly target: UploadTarget;
}

/** A stored pending replacement we may act on: a held upload with a target. */
export function isPendingUpload(value: unknown, folder = tmpdir()): value is PendingUpload {
  const target = (value as Partial<PendingUpload> | null)?.target;
  return isPendingImport(value, folder) && typeof target === 'object' && target !== null
    && typeof target.doc === 'string' && typeof target.scope === 'string';
}

/** Move a downloaded file's folder to a held one (no process id): a restart must not delete it. */
export function hold(downloaded: { folder: string; path: string }): { folder: string; path: string } {
  const held = join(dirname(downloaded.folder), basename(downloaded.folder).replace(`${UPLOAD_PREFIX}${process.pid}-`, HELD_PREFIX));
  renameSync(downloaded.folder, held);
  return { folder: held, path: join(held, basename(downloaded.path)) };
}

/** The identity and department of a document sent in chat. */
export interface UploadTarget {
  readonly doc: string;
  readonly scope: string;
}

/** A file name safe to write in our own folder and to show: no path, no control or bidi characters, Chinese kept. */
export function safeFileName(name: string): string {
  const base = basename(plainText(name).replace(/\\/g, '/')).replace(/[\u0000-\u001f<>:"|?*]/g, '_').trim();
  return base && base !== '.' && base !== '..' ? base : 'upload';
}

/**
 * When this process started. A folder named with its pid but older is a predecessor's that had
 * the same pid — as every start of a restarted container has — and is abandoned too.
 */
const STARTED_AT = Date.now() - process.uptime() * 1000 - 1000;

/** Whether a folder named with `pid` belongs to no running process. */
function abandonedBy(pid: number, path: string): boolean {
  return pid === process.pid ? statSync(path).mtimeMs < STARTED_AT : !processAlive(pid);
}

/**
 * Delete upload folders a stopped or killed process left in the temporary folder (office data
 * must not linger there). Folders of running processes are theirs and stay. Returns how many.
 */
export function removeAbandonedUploads(folder = tmpdir(), now = Date.now()): number {
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return 0;
  }
  for (const name of names) {
    if (!name.startsWith(UPLOAD_PREFIX)) continue;
    const pid = /^lvzhi-upload-(\d+)-/.exec(name)?.[1];
    try {
      const abandoned = pid ? abandonedBy(Number(pid), join(folder, name)) : now - statSync(join(folder, name)).mtimeMs > ABANDONED_AFTER_MS;
      if (!abandoned) continue;
      rmSync(join(folder, name), { recursive: true, force: true });
      removed++;
    } catch {
      // another process removed it meanwhile, or it is not ours to remove
    }
  }
  return removed;
}

/**
 * Delete this process's own upload folders, as it stops: a download still open when the turns
 * were cut short (a web upload still being read) would otherwise wait for the next start.
 */
export function removeOwnUploads(folder = tmpdir()): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(`${UPLOAD_PREFIX}${process.pid}-`)) continue;
    try {
      rmSync(join(folder, name), { recursive: true, force: true });
    } catch {
      // not ours to remove after all: the next start's sweep tries again
    }
  }
}

/** Download a file sent in chat into a fresh upload folder of this process, checked against the size limit; nothing stays on failure. */
export async function download(file: IncomingFile, maxBytes: number): Promise<{ folder: string; path: string }> {
  const folder = mkdtempSync(join(tmpdir(), `${UPLOAD_PREFIX}${process.pid}-`));
  const name = safeFileName(file.name);
  const path = join(folder, name);
  try {
    await file.download(path, maxBytes);
    // A channel that could not stop the download at the limit: refused all the same.
    if (statSync(path).size > maxBytes) throw tooLargeToDownload(name, maxBytes);
    return { folder, path };
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}
