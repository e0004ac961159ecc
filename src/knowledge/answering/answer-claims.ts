/**
 * What a model's sentence says the documents say, beyond its words and figures: a quotation
 * (“…”), an article (第九条), a document (《监督法》) and a prohibition (不得). Each must be found in the passages
 * the sentence rests on, or the sentence claims a source it does not have. Term overlap
 * cannot see this: a quotation with one clause invented, or the right rule under the wrong
 * article number, shares nearly all its words with the passage.
 */
import { numeralValue } from './numerals.ts';

/** A passage as the claims are checked against it: its text, and the names it goes by. */
export interface ClaimSource {
  readonly text: string;
  /** Title, location and context: where 《…》 and 第X条 may be named without being in the text. */
  readonly names: string;
}

const QUOTATION = /[“「『]([^”」』]*)[”」』]/g;
// Ellipses mark where a quotation leaves words out; each piece between them is quoted verbatim.
const ELLIPSIS = /…+|\.{3,}|⋯+/;
// Shorter quoted pieces are terms (所谓“议案”), which the term check already covers.
const MIN_QUOTED_CHARS = 5;
// 款 and 项 are left out: paragraphs are often unnumbered in the text, so 第二款 may be counted, not read.
const ARTICLE = /第([零〇一二两三四五六七八九十百千\d０-９]+)(条|章|节|编)/g;
const DOCUMENT = /《([^》]{2,40})》/g;
// A prohibition or a "need not" turns a rule round (不得临时召集 for 可以临时召集): the passage
// must say no somewhere too. The passage side is read broadly, so a paraphrase of its own no passes.
const PROHIBITION = /不得|不能|不可|不必|不应|不予|不准|不需要|不允许|无须|无需|禁止|严禁/;
const ANY_NO = /不|未|无|没有|禁止|严禁|非/;

/** Letters and digits only, so punctuation and spacing the model changed do not matter. */
function bare(text: string): string {
  return text.replace(/\[\d{1,2}\]/g, '').replace(/[^\p{L}\p{N}]/gu, '');
}

function articles(text: string): Set<string> {
  const found = new Set<string>();
  for (const [, number, unit] of text.matchAll(ARTICLE)) found.add(`${numeralValue(number)}${unit}`);
  return found;
}

/** The document name as the model may shorten it: without 中华人民共和国 and the kind's suffix. */
function documentCore(name: string): string {
  return bare(name.replace(/^中华人民共和国/, '').replace(/[（(][^）)]*[）)]$/, ''));
}

/**
 * The claims of a sentence its sources do not bear out, as short descriptions (empty when
 * all hold): quoted pieces not in their text, articles and documents they do not name.
 */
export function unsupportedClaims(sentence: string, sources: readonly ClaimSource[]): string[] {
  const failed: string[] = [];
  const text = bare(sources.map((s) => s.text).join('\n'));
  for (const [, quoted] of sentence.matchAll(QUOTATION)) {
    for (const piece of quoted.split(ELLIPSIS).map(bare)) {
      if (piece.length >= MIN_QUOTED_CHARS && !text.includes(piece)) failed.push(`“${piece}”`);
    }
  }
  if (PROHIBITION.test(sentence) && !ANY_NO.test(sources.map((s) => s.text).join('\n'))) failed.push('否定');
  const everything = sources.map((s) => `${s.names}\n${s.text}`).join('\n');
  const named = articles(everything);
  for (const article of articles(sentence)) if (!named.has(article)) failed.push(article);
  const plain = bare(everything);
  for (const [, name] of sentence.matchAll(DOCUMENT)) {
    const core = documentCore(name);
    if (core && !plain.includes(core)) failed.push(`《${name}》`);
  }
  return failed;
}
