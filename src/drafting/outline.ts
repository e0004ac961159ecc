/**
 * 提纲, 要点, 分条: a draft as an outline — each item of the enumeration a numbered heading
 * (一、…) with one line under it, its figures kept; no opening or closing prose around them.
 */
import { messages } from './messages.ts';
import { compactItem } from './request-shape.ts';
import type { DraftDocument, ParagraphStyle } from './types.ts';

/** A request for an outline or points, not prose (列一个提纲, 写成要点, 分条写, 按要点列几条). */
export const OUTLINE = /提纲|要点|分条|逐条|列几条|几条|条目式/;

/** An item of the enumeration the templates write: 一是…, 十二是…. */
const ITEM = new RegExp(`^([${messages.ordinals.join('')}]{1,2})是`);

/**
 * The document as an outline: each 一是X。Y… becomes the heading 一、X and the line Y in few words
 * (compactItem: every figure stays). A document with fewer than two items is left as it is.
 */
export function asOutline(document: DraftDocument): DraftDocument {
  const items = document.paragraphs.filter((p) => p.style === 'body' && ITEM.test(p.text));
  if (items.length < 2) return document;
  const heads = document.paragraphs.filter((p) => p.style !== 'body');
  const lines = items.flatMap((p) => {
    const numeral = ITEM.exec(p.text)![1];
    const short = compactItem(p.text.replace(ITEM, ''));
    const cut = short.indexOf('。');
    const [heading, line] = cut > 0 && cut < short.length - 1 ? [short.slice(0, cut), short.slice(cut + 1)] : [short.replace(/。$/, ''), ''];
    return [{ style: 'heading' as ParagraphStyle, text: `${numeral}、${heading}` }, ...(line ? [{ style: 'body' as ParagraphStyle, text: line }] : [])];
  });
  return { ...document, paragraphs: [...heads, ...lines] };
}
