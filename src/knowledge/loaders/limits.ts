/** Limits the loaders enforce, exported so the ingest pipeline and README can state them. */

/** Largest file the knowledge base reads: 50 MB, far above any rule book, below what would stall an ingest. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

/**
 * Most scanned pages one file may ask OCR to read. At the measured speed (see README, `npm run
 * bench`) this is several minutes of work; a longer scan is refused before any is done.
 */
export const MAX_OCR_PAGES = 100;

/** Time limit for recognising one file's scanned pages; past it the file is skipped, nothing stored. */
export const MAX_OCR_MINUTES = 20;

/** Resolution scanned pages are rendered at for OCR: what Tesseract is trained for. */
export const OCR_DPI = 300;

/** Longest side of a rendered page in pixels (an A4 page at 300 dpi is 3508). */
export const OCR_MAX_SIDE_PX = 5000;

/**
 * Pages recognised with a lower mean confidence (0–100) are not kept: measured, Chinese and
 * English scans score 90+, Russian or Korean read as Chinese+English score 20–35.
 */
export const MIN_OCR_CONFIDENCE = 60;

/**
 * Largest plain-text or Markdown file: 10 MB is over three million Chinese characters (a shelf
 * of rule books). A larger text is refused at once with a reason rather than ingested for
 * minutes: split it into several files.
 */
export const MAX_TEXT_BYTES = 10 * 1024 * 1024;

/** Most passages one document may give: bounds the time and memory of embedding and indexing it. */
export const MAX_PASSAGES_PER_DOCUMENT = 60_000;
