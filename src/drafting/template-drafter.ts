/** Offline drafts: the office's templates filled with the facts from the log. */
import type { Taxonomy } from '../activities/index.ts';
import { pickExamples, nameOf, subjectOf } from './examples.ts';
import { messages } from './messages.ts';
import { fillTemplate, type DraftTemplates } from './template-file.ts';
import type { Topic } from './topics.ts';
import type { DraftDocument, DraftForm, Fact } from './types.ts';

/** What the template drafter needs to know. */
export interface TemplateDraftInput {
  readonly topic: Topic;
  readonly form: DraftForm;
  readonly facts: readonly Fact[];
  /** The period as the office names it: 2023年上半年, 今年以来. */
  readonly period: string;
  readonly organ: string;
}

/** Write a draft from templates. Items with no activities are left out; none at all → an honest note. */
export function draftFromTemplates(templates: DraftTemplates, input: TemplateDraftInput, taxonomy?: Taxonomy): DraftDocument {
  const { topic, form, facts, period, organ } = input;
  const common = { 时段: period, 机关: organ, 题目: topic.label };
  const title = form === 'speech'
    ? messages.speechTitle(topic.label)
    : messages.sectionTitle(organ, period, topic.label);
  const present = facts.filter((f) => f.count > 0);
  // Kind names are no subject: "党组会议" says nothing an item doesn't already say.
  const kindWords = new Set(taxonomy?.kinds.flatMap((k) => [k.label, ...k.synonyms]) ?? []);
  if (present.length === 0) {
    const text = fillTemplate(templates.get('无活动', topic.id) ?? '', common);
    return { title, paragraphs: [{ style: 'body', text }] };
  }
  const items = present.map((fact, i) => {
    const key = fact.kinds.join('+');
    const fallback = `开展${fact.kinds.map((k) => taxonomy?.label(k) ?? k).join('、')}等工作{{次数}}次。`;
    const template = templates.get('条目', key) ?? fallback;
    const listed = (examples: string[], always: boolean) =>
      examples.length === 0 ? undefined
        : examples.join('、') + ((always && fact.count > 1) || examples.length < fact.count ? '等' : '');
    const subjects = pickExamples(fact.titles, (t) => subjectOf(t, kindWords));
    const names = pickExamples(fact.titles, nameOf);
    const text = fillTemplate(template, {
      ...common,
      次数: String(fact.count),
      例举: listed(subjects, false),
      例举等: listed(subjects, true),
      名称: listed(names, false),
      名称等: listed(names, true),
    });
    return `${messages.ordinals[i] ?? String(i + 1)}是${text}`;
  });
  if (form === 'speech') {
    const open = fillTemplate(templates.get('发言开头', topic.id) ?? '', common);
    const close = fillTemplate(templates.get('发言结尾', topic.id) ?? '', common);
    return { title, paragraphs: [{ style: 'body', text: [open, ...items, close].join('') }] };
  }
  const open = fillTemplate(templates.get('开头', topic.id) ?? '', common);
  const close = fillTemplate(templates.get('结尾', topic.id) ?? '', common);
  return {
    title,
    paragraphs: [open, ...items, close].filter(Boolean).map((text) => ({ style: 'body' as const, text })),
  };
}

/** The draft's plain text: title line, then paragraphs. */
export function documentText(document: DraftDocument): string {
  return [document.title, ...document.paragraphs.map((p) => p.text)].join('\n');
}
