/**
 * Loaders: a file on disk → a LoadedDocument (title, format, text sections with pages).
 * One file per format; this entry picks the loader by extension and checks size and existence.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { UserError } from '../../errors.ts';
import type { DocumentFormat, LoadedDocument, LoadOptions } from '../types.ts';
import { MAX_DOCUMENT_BYTES, MAX_TEXT_BYTES } from './limits.ts';
import { loaderMessages } from './messages.ts';
import { loadTextDocument } from './text-loader.ts';

export { MAX_DOCUMENT_BYTES, MAX_TEXT_BYTES, MAX_PASSAGES_PER_DOCUMENT } from './limits.ts';
export { loaderMessages } from './messages.ts';
export { decodeText } from './text-decoding.ts';

const FORMATS: Readonly<Record<string, DocumentFormat>> = {
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.doc': 'doc',
  '.wps': 'wps',
  '.ofd': 'ofd',
  '.md': 'md',
  '.markdown': 'md',
  '.txt': 'txt',
};

/** Extensions (lower case, with the dot) that `loadDocument` reads. */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(FORMATS);

/** The format a path would be loaded as, or undefined when its type is not supported. */
export function formatOf(path: string): DocumentFormat | undefined {
  return FORMATS[extname(path).toLowerCase()];
}

/**
 * Read one file into text sections. Throws UserError with a Chinese reason for anything
 * the knowledge base cannot use: unsupported type, missing, too large, empty, broken,
 * encrypted, unreadable scan or binary.
 */
export async function loadDocument(path: string, options: LoadOptions = {}): Promise<LoadedDocument> {
  const absolute = resolve(path);
  const format = formatOf(absolute);
  if (!format) {
    throw new UserError('unsupported_type', loaderMessages.unsupported(extname(absolute), SUPPORTED_EXTENSIONS));
  }
  const info = await stat(absolute).catch((error: unknown) => {
    throw new UserError('file_missing', loaderMessages.missing, { cause: error });
  });
  if (!info.isFile()) throw new UserError('not_a_file', loaderMessages.notAFile);
  if (info.size > MAX_DOCUMENT_BYTES) {
    throw new UserError('file_too_large', loaderMessages.tooLarge(MAX_DOCUMENT_BYTES / 1024 / 1024));
  }
  if ((format === 'md' || format === 'txt') && info.size > MAX_TEXT_BYTES) {
    throw new UserError('text_too_large', loaderMessages.textTooLarge(MAX_TEXT_BYTES / 1024 / 1024));
  }
  if (info.size === 0) throw new UserError('empty_file', loaderMessages.empty);
  const bytes = await readFile(absolute).catch((error: unknown) => {
    throw new UserError('file_missing', loaderMessages.missing, { cause: error });
  });
  // Each binary format's library (pdf.js, mammoth, word-extractor, the OFD reader) loads
  // when a file of that kind first arrives: asking a question never pays for them.
  switch (format) {
    case 'pdf':
      return (await import('./pdf-loader.ts')).loadPdfDocument(absolute, bytes, options);
    case 'docx':
      return (await import('./docx-loader.ts')).loadDocxDocument(absolute, bytes);
    case 'doc':
    case 'wps':
      return (await import('./doc-loader.ts')).loadWordBinaryDocument(absolute, bytes, format);
    case 'ofd':
      return (await import('./ofd-loader.ts')).loadOfdDocument(absolute, bytes);
    case 'md':
    case 'txt':
      return loadTextDocument(absolute, bytes, format);
  }
}
