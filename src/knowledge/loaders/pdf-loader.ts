/**
 * PDFs via pdf-parse 2 (pdf.js), one section per page. The CMaps are passed so PDFs whose
 * Chinese fonts use predefined CMaps (Adobe-GB1: UniGB-UCS2-H …) yield text at all. Pages
 * without a text layer (scans) are read by OCR (pdf-ocr.ts) and keep their page numbers.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PasswordException, PDFParse } from 'pdf-parse';
import { UserError } from '../../errors.ts';
import type { DocumentSection, LoadedDocument, LoadOptions } from '../types.ts';
import { loaderMessages } from './messages.ts';
import { recognisePages, type ScannedPages } from './pdf-ocr.ts';
import { putTablesInText, type PdfTable } from './pdf-tables.ts';
import { cleanPdfPages } from './pdf-text-cleanup.ts';
import { findTitle } from './title.ts';

/**
 * pdf-parse depends on its own pdfjs-dist; resolve that copy's folders from pdf-parse's
 * location so a different top-level pdfjs-dist can never be picked by mistake.
 */
function pdfjsAssetFolder(name: 'cmaps' | 'standard_fonts'): string {
  const fromPdfParse = createRequire(createRequire(import.meta.url).resolve('pdf-parse'));
  const pdfjsRoot = dirname(fromPdfParse.resolve('pdfjs-dist/package.json'));
  return join(pdfjsRoot, name) + '/';
}

let assets: { cMapUrl: string; standardFontDataUrl: string } | undefined;

/** A page with no letter or Chinese character in its text layer (nothing, or only a page number) is a scan. */
const READABLE = /[\p{L}\u3400-\u9fff]/u;

/**
 * Load a PDF already read into bytes; scanned pages are recognised. Throws UserError for
 * encrypted, corrupt or unreadable files, and for scans over the OCR limits or stopped.
 */
export async function loadPdfDocument(path: string, bytes: Uint8Array, options: LoadOptions = {}): Promise<LoadedDocument> {
  if (bytes.length === 0) throw new UserError('empty_file', loaderMessages.empty);
  assets ??= { cMapUrl: pdfjsAssetFolder('cmaps'), standardFontDataUrl: pdfjsAssetFolder('standard_fonts') };
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const parser = new PDFParse({ data: new Uint8Array(bytes), cMapPacked: true, ...assets });
  let pages: { num: number; text: string }[];
  let scanned: ScannedPages | undefined;
  try {
    try {
      pages = (await parser.getText()).pages;
    } catch (error) {
      throw toUserError(error);
    }
    const tables = await rulesTables(parser);
    pages = pages.map((page) => ({ ...page, text: putTablesInText(page.text, tables.get(page.num) ?? []) }));
    const textLayer = cleanPdfPages(pages.map((page) => page.text));
    const toRecognise = pages.filter((_, i) => !READABLE.test(textLayer[i])).map((page) => page.num);
    if (toRecognise.length > 0) scanned = await recognisePages(parser, toRecognise, options);
  } finally {
    await parser.destroy().catch(() => undefined);
  }
  const cleaned = cleanPdfPages(pages.map((page) => scanned?.texts.get(page.num) ?? page.text));
  const sections: DocumentSection[] = pages
    .map((page, i) => ({ page: page.num, text: cleaned[i] }))
    .filter((section) => section.text.trim().length > 0);
  if (sections.length === 0) {
    if (scanned?.unreadable.length) throw new UserError('ocr_unreadable', loaderMessages.ocrUnreadable);
    throw new UserError('pdf_no_text', loaderMessages.ocrNoText);
  }
  const notes = scanned ? scanNotes(scanned) : [];
  return { path, title: findTitle(sections[0].text, path), format: 'pdf', sections, ...(notes.length ? { notes } : {}) };
}

/** Ruled tables by page number. Finding them is a bonus: a failure leaves the text as it was. */
async function rulesTables(parser: PDFParse): Promise<Map<number, PdfTable[]>> {
  try {
    const found = await parser.getTable();
    return new Map(found.pages.filter((page) => page.tables.length > 0).map((page) => [page.num, page.tables]));
  } catch {
    return new Map();
  }
}

function scanNotes(scanned: ScannedPages): string[] {
  const notes: string[] = [];
  if (scanned.texts.size > 0) notes.push(loaderMessages.ocrRead([...scanned.texts.keys()]));
  if (scanned.empty.length > 0) notes.push(loaderMessages.ocrEmptyPages(scanned.empty));
  if (scanned.unreadable.length > 0) notes.push(loaderMessages.ocrUnreadablePages(scanned.unreadable));
  return notes;
}

function toUserError(error: unknown): UserError {
  const name = error instanceof Error ? error.name : '';
  if (error instanceof PasswordException || name === 'PasswordException') {
    return new UserError('pdf_encrypted', loaderMessages.pdfEncrypted, { cause: error });
  }
  // InvalidPDFException, FormatError, or anything else pdf.js chokes on: the file is broken.
  return new UserError('pdf_corrupt', loaderMessages.pdfCorrupt, { cause: error });
}
