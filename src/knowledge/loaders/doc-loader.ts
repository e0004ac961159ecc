/**
 * Legacy Word (.doc) and WPS Office (.wps) files: both are the Word 97-2003 OLE compound format,
 * read by word-extractor. Table rows (cells ended by Word's cell marks, which word-extractor turns
 * into tabs) become `| a | b |` lines, as the .docx loader writes them. A .doc or .wps that is
 * really a .docx (renamed) is read as one; anything else is refused with a Chinese reason.
 */
import WordExtractor from 'word-extractor';
import { UserError } from '../../errors.ts';
import type { LoadedDocument } from '../types.ts';
import { loadDocxDocument } from './docx-loader.ts';
import { loaderMessages } from './messages.ts';
import { tableRow } from './table-row.ts';
import { findTitle } from './title.ts';

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1');

/** word-extractor's text → lines; a row of cells (`a\tb\tc\t`) → `| a | b | c |`. */
function wordTextToLines(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => {
      if (!line.includes('\t')) return line.trim();
      // word-extractor ends each table row with the row's own cell mark: a trailing tab.
      if (line.endsWith('\t')) return tableRow(line.slice(0, -1).split('\t'));
      return line.replace(/\t+/g, ' ').trim();
    })
    .filter((line) => line.length > 0)
    .join('\n');
}

/** Load a .doc or .wps already read into bytes. */
export async function loadWordBinaryDocument(path: string, bytes: Uint8Array, format: 'doc' | 'wps'): Promise<LoadedDocument> {
  if (bytes.length === 0) throw new UserError('empty_file', loaderMessages.empty);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.subarray(0, 4).equals(ZIP_MAGIC)) return { ...(await loadDocxDocument(path, bytes)), format };
  if (!buffer.subarray(0, 8).equals(OLE_MAGIC)) throw new UserError(`${format}_corrupt`, loaderMessages.wordBinaryCorrupt(format));
  let body: string;
  try {
    body = (await new WordExtractor().extract(buffer)).getBody();
  } catch (error) {
    throw new UserError(`${format}_corrupt`, loaderMessages.wordBinaryCorrupt(format), { cause: error });
  }
  const text = wordTextToLines(body);
  if (text.length === 0) throw new UserError('empty_file', loaderMessages.noText);
  return { path, title: findTitle(text, path), format, sections: [{ text }] };
}
