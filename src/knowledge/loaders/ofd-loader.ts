/**
 * OFD (GB/T 33190, the format of government e-documents): a zip of XML. OFD.xml names each
 * document's Document.xml (DocBody/DocRoot), which lists its pages (Pages/Page@BaseLoc) and page
 * templates; each page's Content.xml holds TextObjects whose TextCodes carry the text and its
 * position (X/Y in mm, relative to the object's Boundary). Text is put back in reading order —
 * lines top to bottom by baseline, left to right within a line — one section per page.
 */
import { posix } from 'node:path';
import { UserError } from '../../errors.ts';
import type { DocumentSection, LoadedDocument } from '../types.ts';
import { openBoundedZip, ZipError, type BoundedZip } from './bounded-zip.ts';
import { loaderMessages } from './messages.ts';
import { cleanPdfPages } from './pdf-text-cleanup.ts';
import { findTitle } from './title.ts';
import { walkXml } from './xml-events.ts';

/** One run of text at its place on the page, in mm from the top left. */
interface PlacedText {
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly text: string;
}

/** Resolve a BaseLoc: absolute (from the package root) or relative to the file that names it. */
function resolveLoc(from: string, loc: string): string {
  const path = loc.startsWith('/') ? loc : posix.join(posix.dirname(from), loc);
  return posix.normalize(path).replace(/^\/+/, '');
}

function readXml(zip: BoundedZip, name: string): string {
  if (!zip.has(name)) throw new ZipError('corrupt', `missing ${name}`);
  return zip.read(name).toString('utf8');
}

/** The documents of an OFD package: each DocRoot, and the title DocInfo gives, if any. */
function documentRoots(zip: BoundedZip): { roots: string[]; title?: string } {
  const roots: string[] = [];
  let title: string | undefined;
  let inside = '';
  walkXml(readXml(zip, 'OFD.xml'), {
    open: (name) => void (inside = name),
    text: (text) => {
      if (inside === 'DocRoot' && text.trim()) roots.push(resolveLoc('OFD.xml', text.trim()));
      if (inside === 'Title' && text.trim()) title ??= text.trim();
    },
    close: () => void (inside = ''),
  });
  return { roots, title };
}

/** One document's page content files in page order, and its page templates by ID. */
function pagesOf(zip: BoundedZip, root: string): { pages: string[]; templates: Map<string, string> } {
  const templates = new Map<string, string>();
  const pages: string[] = [];
  walkXml(readXml(zip, root), {
    open(name, attributes) {
      if (name === 'TemplatePage' && attributes.ID && attributes.BaseLoc) templates.set(attributes.ID, resolveLoc(root, attributes.BaseLoc));
      if (name === 'Page' && attributes.BaseLoc) pages.push(resolveLoc(root, attributes.BaseLoc));
    },
  });
  return { pages, templates };
}

const numbers = (value: string | undefined): number[] => (value ?? '').trim().split(/[\s,]+/).filter(Boolean).map(Number);

/** Every TextCode of one content file placed on the page, and the templates the page draws on. */
function readContent(xml: string): { placed: PlacedText[]; templateIds: string[] } {
  const placed: PlacedText[] = [];
  const templateIds: string[] = [];
  let object: { x: number; y: number; size: number; scale: number } | undefined;
  let code: { x: number; y: number; text: string } | undefined;
  let last = { x: 0, y: 0 };
  walkXml(xml, {
    open(name, attributes) {
      if (name === 'Template' && attributes.TemplateID) templateIds.push(attributes.TemplateID);
      if (name === 'TextObject') {
        const [x = 0, y = 0] = numbers(attributes.Boundary);
        // A CTM's vertical scale stretches the glyphs; it matters only to how lines are told apart.
        const ctm = numbers(attributes.CTM);
        object = { x, y, size: Number(attributes.Size) || 3.5, scale: ctm.length === 6 ? Math.abs(ctm[3]) || 1 : 1 };
        last = { x: 0, y: 0 };
      } else if (name === 'TextCode' && object) {
        // X/Y may be left out on a TextCode that continues where the previous one stood.
        const x = attributes.X !== undefined ? Number(attributes.X) : last.x;
        const y = attributes.Y !== undefined ? Number(attributes.Y) : last.y;
        code = { x, y, text: '' };
        last = { x, y };
      }
    },
    text(text) {
      if (code) code.text += text;
    },
    close(name) {
      if (name === 'TextCode' && code && object) {
        if (code.text.trim()) {
          placed.push({ x: object.x + code.x, y: object.y + code.y * object.scale, size: object.size * object.scale, text: code.text });
        }
        code = undefined;
      } else if (name === 'TextObject') object = undefined;
    },
  });
  return { placed, templateIds };
}

const LATIN_END = /[A-Za-z0-9.,;:!?)]$/;
const LATIN_START = /^[A-Za-z0-9(]/;

/** Runs of text → lines: same baseline (within half a glyph) is one line, read left to right. */
function readingOrder(placed: readonly PlacedText[]): string {
  const sorted = [...placed].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: PlacedText[][] = [];
  for (const run of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0].y - run.y) <= Math.max(line[0].size, run.size) * 0.5) line.push(run);
    else lines.push([run]);
  }
  return lines
    .map((line) =>
      line
        .sort((a, b) => a.x - b.x)
        .reduce((out, run) => (LATIN_END.test(out) && LATIN_START.test(run.text) ? `${out} ${run.text}` : out + run.text), '')
        .trim(),
    )
    .join('\n');
}

function toUserError(error: unknown): UserError {
  if (error instanceof UserError) return error;
  if (error instanceof ZipError && error.problem === 'too_large') {
    return new UserError('ofd_too_large', loaderMessages.ofdTooLarge, { cause: error });
  }
  if (error instanceof ZipError && error.problem === 'encrypted') {
    return new UserError('ofd_encrypted', loaderMessages.ofdEncrypted, { cause: error });
  }
  return new UserError('ofd_corrupt', loaderMessages.ofdCorrupt, { cause: error });
}

/** Load an .ofd already read into bytes; throws UserError for broken, bomb-like or textless files. */
export function loadOfdDocument(path: string, bytes: Uint8Array): LoadedDocument {
  if (bytes.length === 0) throw new UserError('empty_file', loaderMessages.empty);
  const pages: string[] = [];
  let title: string | undefined;
  try {
    const zip = openBoundedZip(bytes);
    const found = documentRoots(zip);
    if (found.roots.length === 0) throw new ZipError('corrupt', 'no DocRoot');
    title = found.title;
    for (const root of found.roots) {
      const { pages: contents, templates } = pagesOf(zip, root);
      for (const content of contents) {
        const page = readContent(readXml(zip, content));
        // A template (letterhead, running header) is drawn under the page; its text is part of the page.
        const underneath = page.templateIds
          .map((id) => templates.get(id))
          .filter((loc): loc is string => loc !== undefined && zip.has(loc))
          .flatMap((loc) => readContent(readXml(zip, loc)).placed);
        pages.push(readingOrder([...underneath, ...page.placed]));
      }
    }
  } catch (error) {
    throw toUserError(error);
  }
  const cleaned = cleanPdfPages(pages);
  const sections: DocumentSection[] = cleaned
    .map((text, i) => ({ page: i + 1, text }))
    .filter((section) => section.text.trim().length > 0);
  if (sections.length === 0) throw new UserError('ofd_no_text', loaderMessages.ofdNoText);
  return { path, title: title ?? findTitle(sections[0].text, path), format: 'ofd', sections };
}
