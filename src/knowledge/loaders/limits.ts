/** Limits the loaders enforce, exported so the ingest pipeline and README can state them. */

/** Largest file the knowledge base reads: 50 MB, far above any rule book, below what would stall an ingest. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;
