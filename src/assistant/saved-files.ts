/**
 * Files a reply carries (drafts, charts, exports) kept where people find them: the data
 * folder's `exports/`, under a clean Chinese name (2023上半年监督工作总结.docx); a name
 * already taken gets （2）, （3）… so an older file is never overwritten.
 */
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Reply, ReplyFile } from './types.ts';

const MAX_NAME = 80;

/**
 * A file name safe on Windows, macOS and Linux that keeps the Chinese: no path, control
 * or reserved characters, no leading dots, at most 80 characters before the extension.
 */
export function cleanFileName(name: string, fallback = '文件'): string {
  const ext = extname(name).toLowerCase().replace(/[^.a-z0-9]/g, '');
  const stem = name.slice(0, name.length - extname(name).length)
    .replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[\\/:*?"<>|]+/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s_]+|[.\s]+$/g, '')
    .slice(0, MAX_NAME);
  return `${stem || fallback}${ext}`;
}

/** Write `data` as a new file in `folder` under `name`, or name（2）, name（3）…; returns its path. */
export function saveNewFile(folder: string, name: string, data: Uint8Array): string {
  mkdirSync(folder, { recursive: true });
  const clean = cleanFileName(name);
  const ext = extname(clean);
  const stem = clean.slice(0, clean.length - ext.length);
  const temporary = join(folder, `.${process.pid}-${Date.now()}.tmp`);
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    for (let n = 1; ; n++) {
      const path = join(folder, n === 1 ? clean : `${stem}（${n}）${ext}`);
      try {
        // A hard link is created whole or not at all, and never over an existing name.
        linkSync(temporary, path);
        return path;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || n >= 999) throw error;
      }
    }
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** The reply with each file saved into `folder` and its `path` set; a file that cannot be saved is still sent. */
export function saveReplyFiles(reply: Reply, folder: string, onError: (error: unknown, file: ReplyFile) => void): Reply {
  if (!reply.files?.length) return reply;
  const files = reply.files.map((file) => {
    try {
      return { ...file, path: saveNewFile(folder, file.name, file.data) };
    } catch (error) {
      onError(error, file);
      return file;
    }
  });
  return { ...reply, files };
}
