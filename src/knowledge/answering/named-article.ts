/**
 * A question that names an article by its number (第二十四条怎么规定的, 议事规则第十五条是什么,
 * 代表法第24条) asks for that article itself. Among the passages found, the ones of article N come
 * first — of the document the question names (the words just before 第N条 that are part of its
 * title), else of the best-ranked document holding one — and the question counts as answered.
 * When other documents the person may see also have an article N, the reply says which, so a
 * quote from the wrong law is never taken for the one meant.
 */
import { parseChineseNumber } from '../../time/index.ts';
import { articleLabel } from '../ranking/article-cues.ts';
import type { ScoredPassage } from '../types.ts';

/** 第二十四条, 第24条: the number the question names (not 第二十四条第二款's 款, which stays with it). */
const NAMED = /第\s*([0-9]{1,4}|[零〇一二两三四五六七八九十百千]{1,8})\s*条/u;

/** The article the question names, with the words before it (which may name the document). */
export function namedArticle(question: string): { number: number; before: string } | undefined {
  const m = NAMED.exec(question);
  if (!m) return undefined;
  const number = parseChineseNumber(m[1]);
  return number && number > 0 ? { number, before: question.slice(0, m.index) } : undefined;
}

/** The longest ending (two or more characters) of the words before 第N条 that a title holds: the document named. */
function namedIn(title: string, before: string): number {
  const run = /[\p{Script=Han}A-Za-z0-9]+(?:的)?$/u.exec(before.trim())?.[0].replace(/的$/, '') ?? '';
  for (let start = 0; start <= run.length - 2; start++) {
    if (title.includes(run.slice(start))) return run.length - start;
  }
  return 0;
}

/** The passages with article N of the document meant first, and the other documents that have one too. */
export interface ArticleFirst {
  readonly passages: ScoredPassage[];
  /** Titles of other documents whose article N was also found. */
  readonly others: readonly string[];
  /** The article's number as the document writes it (二十四). */
  readonly label: string;
}

/** Put the named article first; undefined when no passage found is that article. */
export function articleFirst(question: string, passages: readonly ScoredPassage[]): ArticleFirst | undefined {
  const named = namedArticle(question);
  if (!named) return undefined;
  const holding = passages.filter((p) => {
    const label = articleLabel(p.passage);
    return label !== undefined && parseChineseNumber(label) === named.number;
  });
  if (holding.length === 0) return undefined;
  // The document the question names wins; else the best-ranked document that has the article.
  const best = Math.max(...holding.map((p) => namedIn(p.passage.title, named.before)));
  const doc = holding.find((p) => namedIn(p.passage.title, named.before) === best)!.passage.doc;
  const first = holding.filter((p) => p.passage.doc === doc);
  const others = [...new Set(holding.filter((p) => p.passage.doc !== doc).map((p) => p.passage.title))];
  return { passages: [...first, ...passages.filter((p) => !first.includes(p))], others: best > 0 ? [] : others, label: articleLabel(first[0].passage)! };
}
