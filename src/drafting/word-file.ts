/**
 * `draftToDocx` without loading the docx library up front: it is needed only when a Word
 * file is actually written, and everything that imports drafting would otherwise pay for it.
 */
import type { DocxOptions } from './docx-writer.ts';
import type { DraftDocument } from './types.ts';

/** A draft as a Word file's bytes (公文 layout); the writer is loaded on first use. */
export async function draftToDocx(draft: DraftDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  return (await import('./docx-writer.ts')).draftToDocx(draft, options);
}
