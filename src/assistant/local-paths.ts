/**
 * `/ingest PATH` and `/import PATH` in the terminal: an admin at the office's own machine
 * names a file or folder instead of dropping it into a chat. A path from Telegram or Slack
 * would name a file on the server, so there the commands only explain how to send files.
 */
import { copyFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, extname, resolve } from 'node:path';
import { knowledgeMessages, type KnowledgeBase } from '../knowledge/index.ts';
import { TABLE_EXTENSIONS } from './files.ts';
import { messages as m } from './messages.ts';
import type { Incoming, IncomingFile } from './types.ts';

/** A path as typed: quotes dropped, `~` expanded, relative to the working folder. */
export function typedPath(text: string): string {
  const bare = text.trim().replace(/^(["'“‘])(.*)(["'”’])$/, '$2');
  return resolve(bare.startsWith('~') ? homedir() + bare.slice(1) : bare);
}

/** A local file presented as if it had been sent in the chat (downloading is copying). */
export function localFile(path: string): IncomingFile {
  const size = statSync(path).size;
  return { name: basename(path), size, download: async (to: string) => copyFileSync(path, to) };
}

/** What a path command resolves to: a message to show, or files to handle as if sent. */
export type LocalPathOutcome = { readonly text: string } | { readonly files: readonly IncomingFile[] };

/**
 * Read `/ingest PATH` or `/import PATH`. A folder to ingest goes to the knowledge base
 * at once (with progress); a file takes the same way as a file sent in chat.
 */
export async function readPathCommand(
  command: 'ingest' | 'import', args: string, incoming: Incoming, knowledge: KnowledgeBase, local: boolean,
): Promise<LocalPathOutcome> {
  // A path names a file on this machine only for the person sitting at it.
  if (!local) return { text: m.pathCommandTerminalOnly };
  if (!args) return { text: command === 'ingest' ? m.emptyIngestPath : m.emptyImportPath };
  const path = typedPath(args);
  let folder: boolean;
  try {
    folder = statSync(path).isDirectory();
  } catch {
    return { text: m.pathNotFound(path) };
  }
  if (command === 'import' && (folder || !TABLE_EXTENSIONS.has(extname(path).toLowerCase()))) return { text: m.importNeedsTable(path) };
  if (!folder) return { files: [localFile(path)] };
  const report = await knowledge.ingest([path], {
    onProgress: (done, total) => void incoming.progress?.(m.ingestProgress(done, total)).catch(() => undefined),
    onOcrProgress: (done, total) => void incoming.progress?.(m.ocrProgress(done, total)).catch(() => undefined),
  });
  const lines = [
    knowledgeMessages.ingestSummary({ ...report, skipped: report.skipped.length }),
    ...report.skipped.map((s) => knowledgeMessages.skippedLine(s.path, s.reason)),
    ...report.notes.map((n) => knowledgeMessages.noteLine(n.path, n.note)),
  ];
  return { text: lines.join('\n') };
}
