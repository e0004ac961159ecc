/** Limits the loaders enforce, exported so the ingest pipeline and README can state them. */

/** Largest file the knowledge base reads: 50 MB, far above any rule book, below what would stall an ingest. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

/**
 * Largest plain-text or Markdown file: 10 MB is over three million Chinese characters (a shelf
 * of rule books). A larger text is refused at once with a reason rather than ingested for
 * minutes: split it into several files.
 */
export const MAX_TEXT_BYTES = 10 * 1024 * 1024;

/** Most passages one document may give: bounds the time and memory of embedding and indexing it. */
export const MAX_PASSAGES_PER_DOCUMENT = 60_000;
