/**
 * Word (.docx) files via mammoth: converted to HTML, then to plain lines with headings kept
 * as Markdown `#` lines so the chunker sees the document's structure.
 */
import { basename } from 'node:path';
import mammoth from 'mammoth';
import { UserError } from '../../errors.ts';
import { DOCX_LIMITS, checkArchive } from '../../input/index.ts';
import type { LoadedDocument } from '../types.ts';
import { loaderMessages } from './messages.ts';
import { tableRow } from './table-row.ts';
import { findTitle } from './title.ts';

/** Chinese Word names its built-in styles in Chinese; map those as mammoth maps the English ones. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='标题'] => h1:fresh",
  ...[1, 2, 3, 4, 5, 6].map((n) => `p[style-name='标题 ${n}'] => h${n}:fresh`),
];

/** Load a .docx already read into bytes; throws UserError when it is not a readable .docx. */
export async function loadDocxDocument(path: string, bytes: Uint8Array): Promise<LoadedDocument> {
  if (bytes.length === 0) throw new UserError('empty_file', loaderMessages.empty);
  // Bounded before mammoth inflates anything: a zip bomb is refused here, in milliseconds.
  await checkArchive(bytes, basename(path), DOCX_LIMITS).catch((error: unknown) => {
    // Not a zip at all: the loader's own words for a broken Word file.
    if (error instanceof UserError && error.code === 'not_an_archive') throw new UserError('docx_corrupt', loaderMessages.docxCorrupt, { cause: error });
    throw error;
  });
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        // Images carry no text we can index; skip them rather than inline base64 blobs.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
    html = result.value;
  } catch (error) {
    throw new UserError('docx_corrupt', loaderMessages.docxCorrupt, { cause: error });
  }
  const text = htmlToText(html);
  if (text.trim().length === 0) throw new UserError('empty_file', loaderMessages.noText);
  return { path, title: findTitle(text, path), format: 'docx', sections: [{ text }] };
}

/** mammoth's HTML (flat: headings, paragraphs, lists, tables) → one line per block, headings as `#`, table rows as `| a | b |`. */
export function htmlToText(html: string): string {
  const lines: string[] = [];
  const blocks = /<(h[1-6]|p|li|tr)\b[^>]*>([\s\S]*?)<\/\1>/g;
  for (const match of html.matchAll(blocks)) {
    const tag = match[1];
    const inner =
      tag === 'tr'
        ? tableRow([...match[2].matchAll(/<t[dh]\b[^>]*>([\s\S]*?)<\/t[dh]>/g)].map((cell) => inlineText(cell[1])))
        : inlineText(match[2]);
    if (inner.length === 0) continue;
    if (tag.startsWith('h')) lines.push(`${'#'.repeat(Number(tag[1]))} ${inner}`);
    else lines.push(inner);
  }
  return lines.join('\n\n');
}

function inlineText(html: string): string {
  return decodeEntities(html.replace(/<br\s*\/?>/g, ' ').replace(/<[^>]+>/g, ''))
    .replace(/[ \t\u00a0]+/g, ' ')
    .trim();
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|amp|lt|gt|quot|apos|nbsp);/gi, (_, entity: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
    if (entity[0] !== '#') return named[entity.toLowerCase()];
    const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return String.fromCodePoint(code);
  });
}
