/**
 * A draft as a person edited it on the web page, laid out again for the Word export: the first
 * line is the title, each further line a paragraph. A paragraph left as drafted keeps its style
 * (heading, salutation); a changed or new one is body text. The basis line stays last.
 */
import type { DraftDocument } from './types.ts';

/** The edited text as a Word document in the layout of the draft it came from. */
export function editedDocument(drafted: DraftDocument, text: string): DraftDocument {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((line) => line.trim()).filter(Boolean);
  const styles = new Map(drafted.paragraphs.map((p) => [p.text, p.style]));
  const [title = drafted.title, ...rest] = lines;
  return {
    title,
    paragraphs: rest.map((line) => ({ style: styles.get(line) ?? 'body', text: line })),
    ...(drafted.basis ? { basis: drafted.basis } : {}),
  };
}
