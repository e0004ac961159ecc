/**
 * Scanned PDF pages (no text layer) are rendered to images with pdf.js (pdf-parse's
 * getScreenshot, drawn by @napi-rs/canvas — both npm packages, no system tools) and read by
 * OCR. Rendering the next page overlaps recognising this one. Bounded: a page cap checked
 * before any work, a time limit, and a caller's AbortSignal; each stops with a Chinese reason.
 */
import type { PDFParse } from 'pdf-parse';
import { UserError } from '../../errors.ts';
import type { LoadOptions } from '../types.ts';
import { MAX_OCR_MINUTES, MAX_OCR_PAGES, MIN_OCR_CONFIDENCE, OCR_DPI, OCR_MAX_SIDE_PX } from './limits.ts';
import { loaderMessages } from './messages.ts';
import { acquireOcr, type OcrLease } from './shared-ocr.ts';

/** What recognising a PDF's scanned pages gave. */
export interface ScannedPages {
  /** Recognised text by 1-based page number, for pages that gave readable text. */
  readonly texts: ReadonlyMap<number, string>;
  /** Pages where nothing was recognised (blank, or a picture without text). */
  readonly empty: readonly number[];
  /** Pages whose text was recognised with too little confidence to keep (another script, a blur). */
  readonly unreadable: readonly number[];
}

const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff\\u3000-\\u303f\\uff00-\\uffef';
const ARTICLE_LABEL = /^第[一二三四五六七八九十百千零〇两\d]+[编章节条]$/;

/**
 * Tesseract separates Chinese characters with spaces (`第 八条 委员 长`): join them again, keeping
 * a space after a leading 第X条 label and between Latin words.
 */
export function tidyOcrText(text: string): string {
  const cjkAtEnd = new RegExp(`[${CJK}]$`);
  const cjkAtStart = new RegExp(`^[${CJK}]`);
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => {
      const tokens = line.trim().split(/[ \t\u00a0]+/).filter(Boolean);
      let out = tokens[0] ?? '';
      for (const token of tokens.slice(1)) {
        const join = cjkAtEnd.test(out) && cjkAtStart.test(token) && !ARTICLE_LABEL.test(out);
        out += join ? token : ` ${token}`;
      }
      return out;
    })
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Reject when the signal fires, so a page that is being recognised does not hold up a stop. */
function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

async function renderPage(parser: PDFParse, page: number): Promise<Uint8Array> {
  const info = await parser.getInfo({ parsePageInfo: true, partial: [page] });
  const size = info.pages.find((p) => p.pageNumber === page) ?? { width: 595, height: 842 };
  // A huge page (a poster, or a forged MediaBox) is drawn smaller rather than exhausting memory.
  const scale = Math.min(OCR_DPI / 72, OCR_MAX_SIDE_PX / Math.max(size.width, size.height, 1));
  const shot = await parser.getScreenshot({ partial: [page], scale, imageDataUrl: false, imageBuffer: true });
  const image = shot.pages[0]?.data;
  if (!image || image.length === 0) throw new Error(`page ${page} rendered to nothing`);
  return image;
}

/** Why recognition stopped, as the user should hear it. */
function stopReason(signal: AbortSignal, deadline: AbortSignal, cause: unknown): UserError {
  if (deadline.aborted && !signal.aborted) {
    return new UserError('ocr_timeout', loaderMessages.ocrTimeout(MAX_OCR_MINUTES), { cause });
  }
  return new UserError('ocr_stopped', loaderMessages.ocrStopped, { cause });
}

/**
 * Recognise the given pages (1-based) of an open PDF. Throws UserError when there are more than
 * MAX_OCR_PAGES of them (before any work), when the time limit passes, or when `signal` stops it.
 */
export async function recognisePages(parser: PDFParse, pages: readonly number[], options: LoadOptions = {}): Promise<ScannedPages> {
  if (pages.length > MAX_OCR_PAGES) {
    throw new UserError('ocr_too_many_pages', loaderMessages.ocrTooManyPages(pages.length, MAX_OCR_PAGES));
  }
  const deadline = AbortSignal.timeout(MAX_OCR_MINUTES * 60_000);
  const userSignal = options.signal ?? new AbortController().signal;
  const signal = AbortSignal.any([userSignal, deadline]);
  const texts = new Map<number, string>();
  const empty: number[] = [];
  const unreadable: number[] = [];
  // The process's one recogniser, started if there is none; the first page renders meanwhile.
  const leasing = acquireOcr();
  let ocr: OcrLease | undefined;
  let next = renderPage(parser, pages[0]);
  next.catch(() => undefined);
  try {
    ocr = await abortable(leasing, signal);
    for (const [i, page] of pages.entries()) {
      options.onOcrProgress?.(i + 1, pages.length);
      const image = await abortable(next, signal);
      if (i + 1 < pages.length) {
        next = renderPage(parser, pages[i + 1]);
        next.catch(() => undefined); // awaited on the next turn; a stop must not leave it unhandled
      }
      const result = await abortable(ocr.recognize(image), signal);
      const text = tidyOcrText(result.text);
      if (text.replace(/\s/g, '').length === 0) empty.push(page);
      else if (result.confidence < MIN_OCR_CONFIDENCE) unreadable.push(page);
      else texts.set(page, text);
    }
  } catch (error) {
    if (signal.aborted) throw stopReason(userSignal, deadline, error);
    throw error;
  } finally {
    // Stopped while the recogniser was still starting: give it back once it is up.
    if (ocr) ocr.release();
    else void leasing.then((late) => late.release(), () => undefined);
  }
  return { texts, empty, unreadable };
}
