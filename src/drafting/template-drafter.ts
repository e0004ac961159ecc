/** Offline drafts: the office's templates filled with the facts from the log. */
import type { Taxonomy } from '../reader/index.ts';
import { joinMatters, mattersOf } from './matters.ts';
import { messages } from './messages.ts';
import { compactItem } from './request-shape.ts';
import { fillTemplate, type DraftTemplates } from './template-file.ts';
import { emptyTopics, type Topic } from './topics.ts';
import type { DraftDocument, DraftForm, DraftItem, Fact, ParagraphStyle } from './types.ts';

/** What the template drafter needs to know. */
export interface TemplateDraftInput {
  /** The topics named (or the occasion's), in order. */
  readonly topics: readonly Topic[];
  readonly form: DraftForm;
  readonly items: readonly DraftItem[];
  /** The period as people say it: 2023年上半年, 今年以来, 半年来. */
  readonly period: string;
  readonly organ: string;
  readonly title: string;
  /** The salutation and closing of the office's own speeches, when the knowledge base has them. */
  readonly salutation?: string;
  readonly closing?: string;
  /** The kind of speech (讲话 closes otherwise than a 发言); default 发言. */
  readonly speech?: '讲话' | '致辞' | '发言';
  /** The key of the opening's template, when not the lead topic's (unit: a committee's own work). */
  readonly lead?: string;
  /** Over the length asked: each item in few words (compactItem), and a report with a plain opening (简短开头) and without its closing outlook. */
  readonly compact?: boolean;
  /** Items left out to meet a length asked: not written, and not declared empty either. */
  readonly omitted?: ReadonlySet<DraftItem>;
  /** The omitted items still named by their figures in one closing line (简短其余: 另有视察3次、调研5次。). */
  readonly omittedInBrief?: boolean;
}

/** The topics as one phrase: 监督工作; 发挥代表作用、代表培训和代表建议办理. */
export function topicPhrase(topics: readonly Topic[]): string {
  const labels = topics.map((t) => t.label);
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join('、')}和${labels.at(-1)}`;
}

/**
 * The topic whose words open the draft: the first named that has entries (代表作用、代表培训
 * open as the deputies' work; an empty 走访 does not set the tone).
 */
export function leadTopic(topics: readonly Topic[], items: readonly DraftItem[]): string {
  return (topics.find((t) => items.some((i) => i.topic === t.id && i.fact.count > 0)) ?? topics[0])?.id ?? '*';
}

/** The words of the taxonomy's kinds: a kind's own name is no 事项 (党组会议 says nothing). */
function kindWordsOf(taxonomy?: Taxonomy): Set<string> {
  return new Set(taxonomy?.kinds.flatMap((k) => [k.label, ...k.synonyms]) ?? []);
}

/** Each kind with entries and its figure, the office's way: 视察8次、调研6次. */
function partsPhrase(templates: DraftTemplates, parts: readonly Fact[], taxonomy?: Taxonomy): string {
  return parts.filter((p) => p.count > 0).map((p) => {
    const kind = p.kinds[0];
    return fillTemplate(templates.get('分项', kind) ?? '{{类型}}{{次数}}次', { 次数: String(p.count), 类型: taxonomy?.label(kind) ?? kind });
  }).join('、');
}

/** One item's sentence, without its ordinal. */
function itemText(templates: DraftTemplates, item: DraftItem, common: Record<string, string>, taxonomy?: Taxonomy): string {
  const { fact, parts } = item;
  const present = parts.filter((p) => p.count > 0);
  // A group where only one kind has entries reads as that kind (视察8次, not 视察调研 with 调研 empty).
  const keys = [present.map((p) => p.kinds[0]).join('+'), fact.kinds.join('+')];
  const matters = mattersOf(fact.titles, kindWordsOf(taxonomy));
  const single = fact.count === 1 ? keys.map((k) => templates.find('单项', k)).find(Boolean) : undefined;
  const template = single ?? keys.map((k) => templates.find('条目', k)).find(Boolean) ?? templates.get('条目', '*') ?? '';
  return fillTemplate(template, {
    ...common,
    次数: String(fact.count),
    分项: partsPhrase(templates, parts, taxonomy),
    事项: joinMatters(matters, fact.count),
    事项等: joinMatters(matters, fact.count, true),
    名称: fact.count === 1 ? matters[0] : undefined,
  });
}

/** The ordinal lead of item i of n: 一是 … 十是, none when the item stands alone. */
export function ordinal(i: number, n: number): string {
  if (n < 2) return '';
  const digits = messages.ordinals;
  const word = i < 10 ? digits[i] : `十${digits[i - 10] ?? ''}`;
  return `${word}是`;
}

/**
 * Write a draft from templates. Items with no activities are left out; a named topic with
 * none at all is declared empty; no activities at all gives an honest note instead.
 */
export function draftFromTemplates(templates: DraftTemplates, input: TemplateDraftInput, taxonomy?: Taxonomy): DraftDocument {
  const { topics, form, items, period, organ, title } = input;
  const subject = topicPhrase(topics);
  const common = { 时段: period, 机关: organ, 题目: subject };
  const present = items.filter((item) => item.fact.count > 0 && !input.omitted?.has(item));
  const lead = input.lead ?? leadTopic(topics, items);
  if (present.length === 0) {
    const text = fillTemplate(templates.get('无活动', '*') ?? '', common);
    return { title, paragraphs: [{ style: 'body', text }] };
  }
  // An item's short heading (组织好视察调研。) leads an enumeration; a lone item needs none.
  // Left alone by a length asked (the others omitted), it keeps its heading: what the work was.
  const alone = (text: string) => (present.length === 1 && !input.omitted?.size ? text.replace(/^[^，。]{2,16}。(?=.)/, '') : text);
  const short = (text: string) => (input.compact ? compactItem(text) : text);
  const lines = present.map((item, i) => `${ordinal(i, present.length)}${alone(short(itemText(templates, item, common, taxonomy)))}`);
  const declared = emptyTopics(topics, items).map((t) => fillTemplate(templates.get('无记录', '*') ?? '', { ...common, 题目: t.label }));
  const omitted = items.filter((item) => input.omitted?.has(item));
  if (input.omittedInBrief && omitted.length > 0) {
    const 分项 = partsPhrase(templates, omitted.flatMap((item) => item.parts), taxonomy);
    lines.push(fillTemplate(templates.get('简短其余', '*') ?? '另有{{分项}}。', { ...common, 分项 }));
  }
  const paragraphs: Array<{ style: ParagraphStyle; text: string }> = [];
  const body = (text: string) => {
    if (text.trim()) paragraphs.push({ style: 'body', text: text.trim() });
  };
  if (form === 'speech') {
    paragraphs.push({ style: 'salutation', text: input.salutation ?? fillTemplate(templates.get('发言称呼', lead) ?? '', common) });
    body(fillTemplate(templates.get('发言开头', lead) ?? '', common));
    lines.forEach(body);
    declared.forEach(body);
    body(input.closing ?? fillTemplate(speechClosing(templates, input.speech), common));
  } else {
    // Short, the opening is one plain line (简短开头), not the office's account of its aims.
    const opening = input.compact ? templates.find('简短开头', lead) ?? templates.find('简短开头', '*') : undefined;
    body(fillTemplate(opening ?? templates.get('开头', lead) ?? '', common));
    lines.forEach(body);
    declared.forEach(body);
    if (!input.compact) body(fillTemplate(templates.get('结尾', '*') ?? '', common));
  }
  return { title, paragraphs };
}

/** The template closing a speech of this kind (讲话结尾), else a 发言's. */
export function speechClosing(templates: DraftTemplates, word: '讲话' | '致辞' | '发言' = '发言'): string {
  return templates.find(`${word}结尾`, '*') ?? templates.get('发言结尾', '*') ?? '';
}

/** The draft's plain text: title line, then paragraphs. */
export function documentText(document: DraftDocument): string {
  return [document.title, ...document.paragraphs.map((p) => p.text)].join('\n');
}
