/**
 * PDFs via pdf-parse 2 (pdf.js), one section per page. The CMaps are passed so PDFs whose
 * Chinese fonts use predefined CMaps (Adobe-GB1: UniGB-UCS2-H …) yield text at all.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PasswordException, PDFParse } from 'pdf-parse';
import { UserError } from '../../errors.ts';
import type { DocumentSection, LoadedDocument } from '../types.ts';
import { loaderMessages } from './messages.ts';
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

/** Load a PDF already read into bytes; throws UserError for encrypted, corrupt or scanned files. */
export async function loadPdfDocument(path: string, bytes: Uint8Array): Promise<LoadedDocument> {
  if (bytes.length === 0) throw new UserError('empty_file', loaderMessages.empty);
  assets ??= { cMapUrl: pdfjsAssetFolder('cmaps'), standardFontDataUrl: pdfjsAssetFolder('standard_fonts') };
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const parser = new PDFParse({ data: new Uint8Array(bytes), cMapPacked: true, ...assets });
  let pages: { num: number; text: string }[];
  try {
    pages = (await parser.getText()).pages;
  } catch (error) {
    throw toUserError(error);
  } finally {
    await parser.destroy().catch(() => undefined);
  }
  const cleaned = cleanPdfPages(pages.map((page) => page.text));
  const sections: DocumentSection[] = pages
    .map((page, i) => ({ page: page.num, text: cleaned[i] }))
    .filter((section) => section.text.trim().length > 0);
  if (sections.length === 0) throw new UserError('pdf_no_text', loaderMessages.pdfScanned);
  return { path, title: findTitle(sections[0].text, path), format: 'pdf', sections };
}

function toUserError(error: unknown): UserError {
  const name = error instanceof Error ? error.name : '';
  if (error instanceof PasswordException || name === 'PasswordException') {
    return new UserError('pdf_encrypted', loaderMessages.pdfEncrypted, { cause: error });
  }
  // InvalidPDFException, FormatError, or anything else pdf.js chokes on: the file is broken.
  return new UserError('pdf_corrupt', loaderMessages.pdfCorrupt, { cause: error });
}
