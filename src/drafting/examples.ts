/**
 * Named examples for a draft, taken from the titles in the log: the subject of an
 * inspection ("视察全区优化营商环境工作" → "全区优化营商环境"), or a title as logged.
 */
import { countedFigures } from './grounding.ts';

const LEADING = /^(?:组织(?:代表)?|开展|召开|举办|参加|赴|到|对|就|围绕|关于|专题|视察|走访调研|调研|调查研究|执法检查|询问|走访|督办|交办|回访|学习|帮包乡镇(?:（街道）|\(街道\))?|了)+/;
const TRAILING = /(?:等)?(?:工作|情况|活动|进行视察|开展视察|开展调研|专题调研|执法检查|工作情况)+$/;

/** The subject of an activity title, or undefined when none reads well (or is just a kind's name). */
export function subjectOf(title: string, kindWords: ReadonlySet<string> = new Set()): string | undefined {
  let text = title.split(/[:：]/).pop() ?? title;
  text = text.replace(/[（(][^）)]*[）)]/g, '').replace(/[“”"]/g, '').trim();
  text = text.replace(/^(?:区|全区)?人大常委会/, '');
  for (let i = 0; i < 3; i++) text = text.replace(LEADING, '').replace(TRAILING, '');
  const bare = text.replace(/[()（）]/g, '');
  return usable(text) && !kindWords.has(text) && !kindWords.has(bare) ? text : undefined;
}

/** A title as logged, when it can stand in a sentence. */
export function nameOf(title: string): string | undefined {
  const text = title.replace(/[（(][^）)]*\d[^）)]*[）)]/g, '').trim();
  return usable(text) ? text : undefined;
}

function usable(text: string): boolean {
  // A title with its own counted figure (交办46件) would put an ungrounded number in the draft.
  return text.length >= 2 && text.length <= 40 && countedFigures(text).length === 0;
}

/** Up to `limit` distinct examples, in the order given. */
export function pickExamples(titles: readonly string[], pick: (t: string) => string | undefined, limit = 3): string[] {
  const seen = new Set<string>();
  for (const title of titles) {
    const example = pick(title);
    if (example && !seen.has(example)) seen.add(example);
    if (seen.size >= limit) break;
  }
  return [...seen];
}
