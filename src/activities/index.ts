/**
 * The activity log: kinds, Chinese dates and periods, the message reader — and, below the
 * marked line, the log store, stats, import/export and charts.
 */
export * from './types.ts';
export { DEFAULT_KINDS_FILE, Taxonomy, loadTaxonomy, readKindsFile } from './kinds.ts';
export type { Kind } from './kinds.ts';
// --- reader and dates (A1) ---

// --- log store (A2) ---
