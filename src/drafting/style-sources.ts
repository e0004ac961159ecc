/**
 * The office's own speeches and reports in the knowledge base, as models of register:
 * passages for the model's prompt, and a speech's salutation and closing words for the
 * template. Rules and laws are never a model of style, whatever the search returns.
 */
import type { ScoredPassage, Source } from '../knowledge/index.ts';
import { countedFigures } from './grounding.ts';

/** The part of the knowledge base drafting reads for style. */
export interface ExampleSource {
  search(question: string, k: number): Promise<ScoredPassage[]>;
}

const OWN_TEXT = /发言|讲话|致辞|汇报|总结|工作报告|工作情况|述职|交流材料/;
const NOT_STYLE = /法$|法》|条例|规则|办法|规定|细则|章程|决定|决议|纪要/;

/** True when a document's title names one of the office's own speeches or reports. */
export function isOwnText(title: string): boolean {
  return OWN_TEXT.test(title) && !NOT_STYLE.test(title);
}

function toSource({ passage, score }: ScoredPassage): Source {
  return { doc: passage.doc, title: passage.title, location: passage.location, text: passage.text, score };
}

/** Up to `limit` passages of the office's own speeches and reports for a query, best first. */
export async function styleExamples(knowledge: ExampleSource | undefined, query: string, limit = 3): Promise<Source[]> {
  if (!knowledge) return [];
  const found = await knowledge.search(query, limit * 4);
  return found.filter((hit) => isOwnText(hit.passage.title)).slice(0, limit).map(toSource);
}

const SALUTATION = /(?:^|[\n。！])\s*((?:尊敬的)?[^\n。！？：:]{0,24}同志们)\s*[：:]/;
const CLOSING = /[^\n。！!]*(?:批评指正|谢谢大家)[^\n]*?(?:谢谢大家|批评指正)?[！!。]/;

function fullWidth(text: string): string {
  return text.replace(/,/g, '，').replace(/:/g, '：').replace(/!/g, '！').replace(/;/g, '；').trim();
}

/** A speech's salutation and closing in the office's own words, and the passages they came from. */
export interface SpeechFrame {
  readonly salutation?: string;
  readonly closing?: string;
  readonly sources: readonly Source[];
}

/**
 * The salutation (尊敬的各位主任、同志们：) and closing (汇报完毕，不妥之处……谢谢大家！)
 * of the office's own speeches; a phrase with a figure in it is not taken.
 */
export async function speechFrame(knowledge: ExampleSource | undefined, query: string): Promise<SpeechFrame> {
  if (!knowledge) return { sources: [] };
  const found = (await knowledge.search(`${query} 同志们 发言 谢谢大家 批评指正`, 12))
    .filter((hit) => isOwnText(hit.passage.title));
  let salutation: string | undefined;
  let closing: string | undefined;
  const used: Source[] = [];
  for (const hit of found) {
    const text = hit.passage.text;
    const s = salutation ? undefined : SALUTATION.exec(text)?.[1];
    const c = closing ? undefined : CLOSING.exec(text)?.[0];
    const tookSalutation = s !== undefined && countedFigures(s).length === 0;
    const tookClosing = c !== undefined && c.length <= 60 && countedFigures(c).length === 0;
    if (tookSalutation) salutation = `${fullWidth(s).replace(/，(?=同志们)/, '、')}：`;
    if (tookClosing) closing = fullWidth(c);
    if ((tookSalutation || tookClosing) && !used.some((u) => u.doc === hit.passage.doc && u.location === hit.passage.location)) {
      used.push(toSource(hit));
    }
    if (salutation && closing) break;
  }
  return { salutation, closing, sources: used };
}

/** Words of one reporting to others (汇报完毕, 不妥之处，请批评指正, 与兄弟单位相比还有差距): a 讲话 or 致辞 reports to no one. */
const REPORTING = /汇报|不妥|指正|差距|借鉴/;

/**
 * A speech's closing as its kind has it: a 发言 keeps the office's own closing; a 讲话 or 致辞
 * keeps only the clauses that report to no one (汇报完毕，…批评指正，谢谢大家！ → 谢谢大家！),
 * or none, and the template's closing for its kind is used.
 */
export function closingFor(closing: string | undefined, word: '讲话' | '致辞' | '发言'): string | undefined {
  if (!closing || word === '发言') return closing;
  const kept = closing.split(/(?<=[，。！；])/).filter((clause) => !REPORTING.test(clause)).join('');
  return kept.replace(/^[，。；\s]+/, '').replace(/[，；]$/, '！') || undefined;
}
