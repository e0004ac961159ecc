/** Plain-text and Markdown files: decoded as UTF-8 or GB18030, kept as one section. */
import { UserError } from '../../errors.ts';
import type { DocumentFormat, LoadedDocument } from '../types.ts';
import { loaderMessages } from './messages.ts';
import { decodeText } from './text-decoding.ts';
import { findTitle } from './title.ts';

/** Load a `.txt` or `.md` file already read into bytes. */
export function loadTextDocument(path: string, bytes: Uint8Array, format: Extract<DocumentFormat, 'md' | 'txt'>): LoadedDocument {
  const { text } = decodeText(bytes);
  const body = text.replace(/[ \t]+$/gm, '');
  if (body.replace(/<!--[\s\S]*?-->/g, '').trim().length === 0) {
    throw new UserError('empty_file', loaderMessages.empty);
  }
  return { path, title: findTitle(body, path), format, sections: [{ text: body }] };
}
