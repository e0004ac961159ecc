/**
 * The ingest pipeline: walk the named files and folders, skip unchanged files by content
 * hash, load → chunk → embed each changed file and commit it in its own transaction (through the ports).
 * A bad file is reported in `skipped` with a Chinese reason and the rest goes on.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { AppError, UserError, errorReference } from '../errors.ts';
import type { Embedder } from '../models/index.ts';
import { componentLog } from '../runtime/index.ts';
import { storageFailure } from '../storage/index.ts';
import { chunkDocument } from './chunking/chunker.ts';
import { plainText } from '../input/index.ts';
import { MAX_DOCUMENT_BYTES, MAX_PASSAGES_PER_DOCUMENT, loadDocument } from './loaders/index.ts';
import { knowledgeMessages as m } from './messages.ts';
import type { DocumentStore } from './ports/document-store.ts';
import type { PassageStore } from './ports/passage-store.ts';
import { embeddingInput } from './search/embed-missing.ts';
import type { LexicalPassage } from './search/lexical-build.ts';
import { type IngestOptions, type LoadedDocument, PUBLIC_SCOPE } from './types.ts';

/** One file found under a named path, with its `doc` path relative to the named folder. */
interface FoundFile {
  readonly absolute: string;
  /** Its identity: the path under the folder named, or for a file named alone its folder's name and its own. */
  readonly doc: string;
  /** How the user would recognise it in a report. */
  readonly shown: string;
}

/** Counts of one ingest, before the index size is added. */
export interface IngestCounts {
  added: number;
  updated: number;
  unchanged: number;
  skipped: Array<{ path: string; reason: string }>;
  notes: Array<{ path: string; note: string }>;
}

/** A file named alone is its parent folder's name and its own name: two 通知.md from two folders stay two. */
function singleFileDoc(absolute: string): string {
  const folder = basename(dirname(absolute));
  return folder ? `${folder}/${basename(absolute)}` : basename(absolute);
}

/**
 * The department a file goes into: the one asked for, else its first folder when that folder
 * is a department's name; undefined leaves a stored document where it is (a new one: public).
 */
function scopeOf(doc: string, options: IngestOptions): string | undefined {
  if (options.scope) return options.scope;
  const first = doc.includes('/') ? doc.slice(0, doc.indexOf('/')) : undefined;
  return first !== undefined && (first === PUBLIC_SCOPE || options.departments?.includes(first)) ? first : undefined;
}

function collect(paths: readonly string[], skipped: IngestCounts['skipped'], docOverride?: string): FoundFile[] {
  const found: FoundFile[] = [];
  const missing: string[] = [];
  for (const given of paths) {
    const absolute = resolve(given);
    let info;
    try {
      info = statSync(absolute);
    } catch {
      missing.push(given);
      skipped.push({ path: given, reason: m.pathMissing });
      continue;
    }
    if (!info.isDirectory()) {
      found.push({ absolute, doc: (paths.length === 1 && docOverride) || singleFileDoc(absolute), shown: given });
      continue;
    }
    const walk = (folder: string): void => {
      let names: string[];
      try {
        names = readdirSync(folder).sort();
      } catch {
        skipped.push({ path: folder, reason: m.hiddenOrUnreadable });
        return;
      }
      for (const name of names) {
        const path = join(folder, name);
        if (name.startsWith('.')) {
          // .git, .DS_Store, ~/.config: not documents, but said so (a folder once, not its contents).
          skipped.push({ path: join(given, relative(absolute, path)), reason: m.hidden });
          continue;
        }
        let entry;
        try {
          entry = statSync(path);
        } catch {
          continue;
        }
        if (entry.isDirectory()) walk(path);
        else if (entry.isFile()) {
          const doc = relative(absolute, path).split(sep).join('/');
          found.push({ absolute: path, doc, shown: join(given, relative(absolute, path)) });
        }
      }
    };
    walk(absolute);
  }
  if (missing.length === paths.length) throw new UserError('path_missing', m.allPathsMissing(missing));
  return found;
}

/** A document's title and text without escape sequences, control or bidi characters: they are stored and shown. */
function cleanDocument(loaded: LoadedDocument): LoadedDocument {
  return { ...loaded, title: plainText(loaded.title).trim() || basename(loaded.path), sections: loaded.sections.map((s) => ({ ...s, text: plainText(s.text) })) };
}

function contentHash(path: string): string | undefined {
  try {
    if (statSync(path).size > MAX_DOCUMENT_BYTES) return undefined;
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    return undefined;
  }
}

/**
 * Embed one file's passages. A failure here is the embedding service's (the offline embedder
 * cannot fail), so the file is skipped with that reason, not an "internal error"; nothing is
 * stored for it and the next ingest tries it again.
 */
async function embedPassages(embedder: Embedder, texts: string[], path: string, log: (line: string) => void): Promise<Float32Array[]> {
  try {
    return await embedder.embed(texts);
  } catch (error) {
    log(`ingest ${path}: embedding failed: ${error instanceof Error ? error.message : String(error)}`);
    throw new UserError('embedding_unavailable', m.embeddingUnavailable, { cause: error });
  }
}

/** Ingest files and folders into the store (the indexes are synced by the caller). */
export async function ingestPaths(
  store: PassageStore,
  catalog: DocumentStore,
  embedder: Embedder,
  paths: readonly string[],
  options: IngestOptions = {},
  /** Told of each file's stored passages; the next file waits for what it returns (the index builds catching up). */
  onStored?: (passages: readonly LexicalPassage[], vectors: readonly Float32Array[]) => void | Promise<void>,
  log: (line: string) => void = componentLog('ingest'),
): Promise<IngestCounts> {
  if (!paths.length) throw new UserError('no_paths', m.noPaths);
  const { onProgress, onOcrProgress, signal } = options;
  const counts: IngestCounts = { added: 0, updated: 0, unchanged: 0, skipped: [], notes: [] };
  const files = collect(paths, counts.skipped, options.doc);
  for (const [i, file] of files.entries()) {
    if (signal?.aborted) {
      // Stopped: what is stored stays; the files not reached are named, not silently dropped.
      counts.skipped.push(...files.slice(i).map((f) => ({ path: f.shown, reason: m.stoppedBefore })));
      break;
    }
    onProgress?.(i, files.length, file.shown);
    try {
      const hash = contentHash(file.absolute);
      const scope = scopeOf(file.doc, options);
      if (hash) await catalog.adoptLegacy(basename(file.absolute), hash, file.doc);
      const existing = await store.findDocument(file.doc);
      if (hash && existing?.contentHash === hash) {
        // The same text asked into another department moves; otherwise nothing to do.
        if (scope && await catalog.moveToScope(file.doc, scope)) counts.updated++;
        else counts.unchanged++;
        continue;
      }
      const loaded = cleanDocument(await loadDocument(file.absolute, {
        signal,
        onOcrProgress: onOcrProgress && ((done, total) => onOcrProgress(done, total, file.shown)),
      }));
      const drafts = chunkDocument(loaded).filter((p) => p.text.trim());
      if (!drafts.length) throw new UserError('no_text', m.noText);
      if (drafts.length > MAX_PASSAGES_PER_DOCUMENT) throw new UserError('too_many_passages', m.tooManyPassages(drafts.length, MAX_PASSAGES_PER_DOCUMENT));
      const vectors = await embedPassages(embedder, drafts.map(embeddingInput), file.absolute, log);
      const ids = await catalog.commit(
        { doc: file.doc, title: loaded.title, format: loaded.format, contentHash: hash ?? '', scope },
        drafts.map((d, j) => ({ ...d, vector: vectors[j] })),
        embedder.id,
      );
      await onStored?.(ids.map((id, j) => ({ id, text: drafts[j].text, context: drafts[j].context })), vectors);
      for (const note of loaded.notes ?? []) counts.notes.push({ path: file.shown, note });
      if (existing) counts.updated++;
      else counts.added++;
    } catch (error) {
      // A full disk or a read-only database stops the ingest: no later file could be stored
      // either. What was committed so far stays, each file whole.
      const failure = storageFailure(error);
      if (failure) throw failure;
      if (error instanceof AppError && error instanceof UserError) {
        counts.skipped.push({ path: file.shown, reason: error.userMessage });
      } else {
        const reference = errorReference();
        log(`ingest ${file.absolute} failed [${reference}]: ${error instanceof Error ? error.stack : String(error)}`);
        counts.skipped.push({ path: file.shown, reason: m.failed(reference) });
      }
    }
  }
  onProgress?.(files.length, files.length, '');
  return counts;
}
