/**
 * The shape a request asks of its draft: how many paragraphs (一段就行, 两三段) and how many
 * characters (300字左右, 1000字以内). Paragraphs can be met by joining the draft's own
 * paragraphs; length cannot be met by adding words the log does not hold, so a draft far from
 * the length asked says so beside the text instead.
 */
import { messages } from './messages.ts';
import type { DraftDocument } from './types.ts';

/** How long a request wants its draft. */
export interface ShapeWish {
  /** The most body paragraphs wanted. */
  readonly paragraphs?: number;
  /** Characters wanted, and whether that is about, at most or at least. */
  readonly chars?: { readonly n: number; readonly bound: 'about' | 'most' | 'least' };
  /** Asked to be brief (简短一些, 再短一点, 精简): each item to its figures, no length named. */
  readonly brief?: boolean;
  /** Only the opening asked (讲话的开头一段): no closing words (谢谢大家, 下一步…). */
  readonly opening?: boolean;
}

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 800, 八百, 一千五, 一千五百 → a number; undefined when not one. */
export function chineseNumber(text: string): number | undefined {
  if (/^[0-9]+$/.test(text)) return Number(text);
  let total = 0;
  let digit = 0;
  let last = 1;
  for (const ch of text) {
    if (ch in DIGIT) digit = DIGIT[ch];
    else if (ch === '千' || ch === '百' || ch === '十') {
      last = ch === '千' ? 1000 : ch === '百' ? 100 : 10;
      total += (digit || 1) * last;
      digit = 0;
    } else return undefined;
  }
  // 一千五 is 1500: a trailing digit counts in the unit below the last one.
  return total + (digit ? digit * (last >= 100 ? last / 10 : 1) : 0) || undefined;
}

// 一段 alone (写一段监督工作的总结) means a passage, not one paragraph: only a count with a tail, or two or more.
const PARAGRAPHS = /(?:只(?:要|写|需|用)\s*([一两二三])\s*(?:个)?段)|([一两二三四]|两三|二三|三四)\s*(?:个)?(?:自然)?段(?:话|文字)?\s*(?:即可|就行|就好|就可以|就够|足够|以内|左右|便可)|(两三|二三|三四|[两二三四])\s*(?:个)?(?:自然)?段(?![落])/;
const CHARS = /(?:(不超过|不少于|不低于|控制在)\s*)?([0-9]{2,5}|[一二三四五六七八九两千百十]{2,5})\s*字\s*(左右|以内|以下|以上|上下|内)?/;

/** 简短一些, 再短一点, 精简些: a shorter draft (简要情况 names a kind of paper, not a length); a length named governs. */
const BRIEF = /简短|短一[点些]|短点|精简|简洁|压缩一下|缩短/;

/** The opening of a speech or paper asked alone (开头一段, 开头部分, 开场白). */
const OPENING = /开头|开场白?|开篇/;

/** The request without the length it asks for (，300字以内). */
export function withoutLength(request: string): string {
  return request.replace(new RegExp(String.raw`[，,]?\s*${CHARS.source}`, 'g'), '').trim();
}

/** The shape a request asks for; empty when it names none. */
export function shapeWish(request: string): ShapeWish {
  const p = PARAGRAPHS.exec(request);
  const count = p ? (p[1] ?? p[2] ?? p[3]) : undefined;
  const paragraphs = count ? Math.max(...[...count].map((c) => DIGIT[c] ?? 1)) : undefined;
  const c = CHARS.exec(request);
  const n = c ? chineseNumber(c[2]) : undefined;
  const bound = c && (/以内|以下|内/.test(c[3] ?? '') || /不超过|控制在/.test(c[1] ?? '')) ? 'most'
    : c && (c[3] === '以上' || /不少于|不低于/.test(c[1] ?? '')) ? 'least' : 'about';
  // 讲话的开头一段, 开头部分: one paragraph, each item to its figures.
  const opening = OPENING.test(request) && !n;
  return { paragraphs: opening ? 1 : paragraphs, chars: n && n >= 50 ? { n, bound } : undefined, ...((BRIEF.test(request) || opening) && !(n && n >= 50) ? { brief: true } : {}), ...(opening ? { opening: true } : {}) };
}

/** The document without its closing paragraph (谢谢大家！, 下一步…), for an opening asked alone; one of two paragraphs or fewer is kept whole. */
export function withoutClosing(document: DraftDocument): DraftDocument {
  const bodies = document.paragraphs.filter((p) => p.style === 'body');
  if (bodies.length < 3) return document;
  const closing = bodies.at(-1)!;
  return { ...document, paragraphs: document.paragraphs.filter((p) => p !== closing) };
}

/**
 * The document with at most `max` body paragraphs: the items are joined first (一是…二是… in
 * one paragraph), then the opening with them, then the closing; the salutation stands alone.
 */
export function fitParagraphs(document: DraftDocument, max: number | undefined): DraftDocument {
  const bodies = document.paragraphs.filter((p) => p.style === 'body').map((p) => p.text);
  if (!max || bodies.length <= max) return document;
  while (bodies.length > Math.max(1, max)) {
    // Four or more: the middle (the items) become one; three: opening and items; two: all.
    const [at, n] = bodies.length >= 4 ? [1, bodies.length - 2] : [0, 2];
    bodies.splice(at, n, bodies.slice(at, at + n).join(''));
  }
  const heads = document.paragraphs.filter((p) => p.style !== 'body');
  return { ...document, paragraphs: [...heads, ...bodies.map((text) => ({ style: 'body' as const, text }))] };
}

/** The draft's length as a reader counts it: the characters of its paragraphs, title and spaces aside. */
export function draftLength(document: DraftDocument): number {
  return document.paragraphs.filter((p) => p.style === 'body').reduce((sum, p) => sum + p.text.replace(/\s/g, '').length, 0);
}

/** What to tell the person when the draft is far from the length asked, or undefined. */
export function lengthNote(wish: ShapeWish, length: number): string | undefined {
  if (!wish.chars) return undefined;
  const { n, bound } = wish.chars;
  const short = bound === 'least' ? length < n : bound === 'about' && length < n * 0.7;
  const long = bound === 'most' ? length > n : bound === 'about' && length > n * 1.3;
  if (short) return messages.lengthShort(n, bound, length);
  return long ? messages.lengthLong(n, bound, length) : undefined;
}

/** The most characters a draft may have before it is over the length asked, or undefined when none is asked. */
export function lengthLimit(wish: ShapeWish): number | undefined {
  if (!wish.chars || wish.chars.bound === 'least') return undefined;
  return wish.chars.bound === 'most' ? wish.chars.n : Math.round(wish.chars.n * 1.3);
}

/**
 * An item in few words, for a draft over the length asked: its heading, then each sentence that
 * states a figure up to the clause with its last figure (分别听取审议…等14个报告; 其中视察8次、
 * 调研6次), or its first sentence up to what was done when none does — never a clause cut before its verb.
 * What goes is the template's account of purpose and effect, never a figure.
 */
/** A clause that says how or why, not what was done: 通过会议集中交办方式, 围绕全区重点工作, 为…. */
const HOW = /^(?:通过|围绕|按照|根据|依据|结合|坚持|聚焦|紧扣|紧紧围绕|立足|本着|为了?|以|在)/;

export function compactItem(text: string): string {
  const upToFigure = (sentence: string) => {
    const clauses = sentence.split('，');
    const last = clauses.reduce((at, clause, i) => (/[0-9]/.test(clause) ? i : at), 0);
    return clauses.slice(0, last + 1).join('，');
  };
  // No figure: up to the first clause that says what was done (通过…方式 says how, and goes on).
  const upToDeed = (sentence: string) => {
    const clauses = sentence.split('，');
    const deed = clauses.findIndex((clause) => !HOW.test(clause));
    return clauses.slice(0, deed < 0 ? clauses.length : deed + 1).join('，');
  };
  const sentences = text.split('。').filter((s) => s.trim());
  // A first sentence followed by others is the item's heading (坚持党的全面领导，强化理论武装。), kept whole.
  const [head, ...rest] = sentences.length > 1 ? sentences : ['', ...sentences];
  const counted = rest.filter((s) => /[0-9]/.test(s));
  // No figure: its first sentence up to what was done (通过领导重点督办方式 alone would read as a fragment).
  const body = counted.length > 0 ? counted.map(upToFigure) : rest.slice(0, 1).map(upToDeed);
  const short = `${[head, ...body].filter(Boolean).join('。')}。`;
  // Every figure of the item stays; should a template defeat the cut, the item is left whole.
  const figures = (t: string) => (t.match(/[0-9]+/g) ?? []).join(',');
  return figures(short) === figures(text) ? short : text;
}
