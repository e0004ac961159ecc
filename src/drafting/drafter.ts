/**
 * Drafting: from a request, the period and topic; from the log, the facts; from the
 * knowledge base, examples of the office's register; then a template or model draft
 * whose every counted figure is checked against the facts.
 */
import { findPeriod, today, type Activity, type ActivityQuery, type IsoDate, type Period, type Stats, type Taxonomy } from '../activities/index.ts';
import { UserError } from '../errors.ts';
import type { ScoredPassage, Source } from '../knowledge/index.ts';
import { loadPrompt, type ChatMessage, type ChatModel } from '../models/index.ts';
import { ungroundedFigures } from './grounding.ts';
import { messages } from './messages.ts';
import { describePeriod } from './period-phrase.ts';
import { draftFromTemplates, documentText } from './template-drafter.ts';
import { loadTemplates } from './template-file.ts';
import { findForm, findTopic, loadTopics, type Topic } from './topics.ts';
import type { Draft, DraftDocument, Fact } from './types.ts';

/** The part of the activity log drafting reads. */
export interface FactSource {
  stats(query: ActivityQuery): Stats;
  list(query: ActivityQuery): Activity[];
}

/** The part of the knowledge base drafting reads for style. */
export interface ExampleSource {
  search(question: string, k: number): Promise<ScoredPassage[]>;
}

/** What `createDrafter` needs. */
export interface DrafterDeps {
  readonly log: FactSource;
  /** Reads the period a request names (上半年 → Jan 1..Jun 30); default: the log's period reader. */
  readonly readPeriod?: (text: string, now: IsoDate) => Period;
  readonly knowledge?: ExampleSource;
  readonly model?: ChatModel;
  readonly taxonomy?: Taxonomy;
  readonly topics?: readonly Topic[];
  /** The organ the drafts speak for (default 区人大常委会). */
  readonly organ?: string;
}

/** A drafting request. */
export interface DraftRequest {
  readonly request: string;
  readonly from?: IsoDate;
  readonly to?: IsoDate;
  /** Today, for relative periods (default: the real today). */
  readonly now?: IsoDate;
}

/** Writes grounded drafts. */
export interface Drafter {
  draft(request: DraftRequest): Promise<Draft>;
}

const TITLES_PER_FACT = 50;

/** Create a drafter over the log, the knowledge base and (optionally) a chat model. */
export function createDrafter(deps: DrafterDeps): Drafter {
  const topics = deps.topics ?? loadTopics();
  const templates = loadTemplates();
  const organ = deps.organ ?? messages.organ;
  const readPeriod = deps.readPeriod ?? ((text: string, day: IsoDate) => findPeriod(text, day) ?? { from: null, to: null });

  function factsFor(topic: Topic, from: IsoDate, to: IsoDate): Fact[] {
    return topic.groups.map((kinds) => {
      const query = { from, to, kinds };
      const count = deps.log.stats(query).total;
      const titles = deps.log.list(query).slice(0, TITLES_PER_FACT).map((a) => a.title);
      return { kinds: [...kinds], count, titles };
    });
  }

  async function examplesFor(topic: Topic, request: string): Promise<Source[]> {
    if (!deps.knowledge) return [];
    const found = await deps.knowledge.search(`${topic.label} ${request}`, 3);
    return found.map(({ passage, score }) => ({
      doc: passage.doc, title: passage.title, location: passage.location, text: passage.text, score,
    }));
  }

  async function modelDraft(
    model: ChatModel, prompt: readonly ChatMessage[], counts: readonly number[],
  ): Promise<{ text?: string; note?: string }> {
    let note: string | undefined;
    for (let attempt = 0; attempt < 2; attempt++) {
      let text: string;
      try {
        text = (await model.complete(prompt)).trim();
      } catch {
        return { note: messages.modelUnavailable };
      }
      const bad = ungroundedFigures(text, counts);
      if (text && bad.length === 0) return { text };
      note = messages.modelInventedFigure(bad.map((f) => f.text).join('、') || '空稿');
    }
    return { note };
  }

  return {
    async draft({ request, from, to, now = today() }) {
      const words = request.trim();
      if (!words) throw new UserError('empty_request', messages.emptyRequest);
      const topic = findTopic(words, topics);
      if (!topic) {
        throw new UserError('unknown_topic', messages.unknownTopic(topics.map((t) => t.label).join('、')));
      }
      const named = readPeriod(words, now);
      const start = from ?? named.from ?? `${now.slice(0, 4)}-01-01`;
      const end = to ?? named.to ?? now;
      if (start > end) throw new UserError('bad_period', messages.badPeriod);
      const facts = factsFor(topic, start, end);
      const sources = await examplesFor(topic, words);
      const period = describePeriod(start, end, now);
      const form = findForm(words);
      const templateDocument = draftFromTemplates(
        templates, { topic, form, facts, period, organ }, deps.taxonomy);

      let document: DraftDocument = templateDocument;
      let mode: Draft['mode'] = 'template';
      let note: string | undefined;
      if (deps.model && facts.some((f) => f.count > 0)) {
        const prompt = loadPrompt('draft').messages({
          形式: form === 'speech' ? messages.promptFormSpeech : messages.promptFormSection,
          时段: period,
          要求: words,
          事实: facts.map((f) => describeFact(f, deps.taxonomy)).join('\n'),
          范例: sources.map((s) => s.text).join('\n\n') || messages.promptNoExamples,
        });
        const result = await modelDraft(deps.model, prompt, facts.map((f) => f.count));
        note = result.note;
        if (result.text) {
          mode = 'llm';
          const paragraphs = result.text.split(/\n+/).map((t) => t.trim()).filter(Boolean);
          document = { title: templateDocument.title, paragraphs: paragraphs.map((text) => ({ style: 'body', text })) };
        }
      }
      return { text: documentText(document), mode, from: start, to: end, facts, sources, document, note };
    },
  };
}

function describeFact(fact: Fact, taxonomy?: Taxonomy): string {
  const label = fact.kinds.map((k) => taxonomy?.label(k) ?? k).join('、');
  const titles = fact.titles.slice(0, 8).join('；');
  return messages.promptFact(label, fact.count, titles);
}

/** The facts a draft rests on, in one line a person reads (shown beside the draft). */
export function describeBasis(draft: Pick<Draft, 'mode' | 'from' | 'to' | 'facts'>, taxonomy?: Taxonomy): string {
  const facts = draft.facts.map((f) => ({ label: f.kinds.map((k) => taxonomy?.label(k) ?? k).join('、'), count: f.count }));
  return messages.basis(draft.mode === 'llm', draft.from, draft.to, facts);
}
