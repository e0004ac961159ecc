/**
 * Drafting: from a request, the period, topics and occasion; from the log, the facts;
 * from the knowledge base, the office's own speeches and reports as models of register;
 * then a template or model draft whose every figure is checked against the facts.
 */
import { today, type IsoDate, type Period } from '../time/index.ts';
import { requestPeriod } from './request-period.ts';
import { recorderIn, type Taxonomy } from '../reader/index.ts';
import { type Activity, type ActivityQuery, type Paged, type PageRequest, type Stats } from '../log/index.ts';
import { InternalError, UserError } from '../errors.ts';
import type { Source } from '../knowledge/index.ts';
import type { ChatModel } from '../models/index.ts';
import { strayFigures } from './grounding.ts';
import { KindWords } from './figure-kinds.ts';
import { joinMatters, mattersOf } from './matters.ts';
import { messages } from './messages.ts';
import { modelDraft } from './model-drafter.ts';
import { describePeriod, periodForFileName } from '../time/index.ts';
import { closingFor, styleExamples, speechFrame, type ExampleSource } from './style-sources.ts';
import { draftFromTemplates, leadTopic, topicPhrase } from './template-drafter.ts';
import { DONE_AND_PLAN, PLAN, pointsOfWorkDone, sinceStart, withAdvice, yearTaken, type TopicPart } from './draft-parts.ts';
import { loadTemplates } from './template-file.ts';
import { namedSubject } from './subject-note.ts';
import { draftLength, fitParagraphs, lengthNote, shapeWish, withoutClosing, withoutLength } from './request-shape.ts';
import { fitToLength } from './length-fit.ts';
import { logEndsBefore, logStartsAfter } from './log-coverage.ts';
import { wrongCounts } from './asked-counts.ts';
import { asOutline, OUTLINE } from './outline.ts';
import { unitIn, unitItems, unitTopic } from './unit-named.ts';
import { loggedElsewhere } from './logged-elsewhere.ts';
import { comparisonNote, withoutComparison } from './compare-asked.ts';
import { entriesNaming, subjectDocument, subjectLabel, unlistedSubject } from './unlisted-subject.ts';
import { findForm, findTopics, salutationFor, slipOfTopic, emptyTopics, findVenue, speechWord, itemsOf, loadTopics, occasionTopics, withoutCovered, withoutOccasion, withoutPurpose, type Topic, type TopicBook } from './topics.ts';
import type { Draft, DraftDocument, DraftItem, Fact } from './types.ts';

export type { ExampleSource } from './style-sources.ts';
export { describeBasis } from './draft-parts.ts';

/** The part of the activity log drafting reads (an `ActivityStore` is one). */
export interface FactSource {
  stats(query: ActivityQuery): Promise<Stats>;
  /** The first entries of a query (their titles name the matters): a page, not the whole period. */
  page(filter: ActivityQuery, page: PageRequest): Promise<Paged<Activity>>;
}

/** What `createDrafter` needs. */
export interface DrafterDeps {
  readonly log: FactSource;
  /** Reads the period a request names (上半年 → Jan 1..Jun 30) and its words; default: the log's period reader. */
  readonly readPeriod?: (text: string, now: IsoDate) => Period & { readonly words?: string };
  readonly knowledge?: ExampleSource;
  readonly model?: ChatModel;
  readonly taxonomy?: Taxonomy;
  readonly topics?: TopicBook;
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
/** Words pointing at a draft written before (刚才那段, 上一稿) or asking only to change one (再短一点). */
const EARLIER_DRAFT = /刚才|上面|前面|上一[稿段篇版]|原稿|[这那](?:段(?!时间|时期|日子)|篇|份|稿)|^(?:请|帮我|麻烦)?(?:再|更)(?:短|长|简|精|压|改)/;

/** Create a drafter over the log, the knowledge base and (optionally) a chat model. */
export function createDrafter(deps: DrafterDeps): Drafter {
  const book = deps.topics ?? loadTopics();
  const templates = loadTemplates();
  const organ = deps.organ ?? messages.organ;
  const readPeriod = deps.readPeriod ?? requestPeriod;
  const label = (kind: string) => deps.taxonomy?.label(kind) ?? kind;
  const kindWords = deps.taxonomy ? new KindWords(deps.taxonomy.kinds) : undefined;

  async function factOf(kinds: readonly string[], from: IsoDate, to: IsoDate): Promise<Fact> {
    const query = { from, to, kinds };
    // The count is `stats`'s (CONTRACTS.md); the first entries give the matters and the links, read as a page.
    const [stats, first] = await Promise.all([deps.log.stats(query), deps.log.page(query, { offset: 0, limit: TITLES_PER_FACT })]);
    return { kinds: [...kinds], count: stats.total, titles: first.items.map((a) => a.title), ids: first.items.map((a) => a.id) };
  }

  async function itemsFor(topics: readonly Topic[], from: IsoDate, to: IsoDate): Promise<DraftItem[]> {
    return Promise.all(itemsOf(topics).map(async ({ topic, kinds }) => {
      const fact = await factOf(kinds, from, to);
      const parts = kinds.length === 1 ? [fact] : await Promise.all(kinds.map((k) => factOf([k], from, to)));
      return { topic: topic.id, fact, parts };
    }));
  }

  /** Topics named, else the occasion's (座谈会发言 → 常委会工作); the request with its period cut out. */
  function topicsOf(words: string, periodWords?: string): { topics: Topic[]; named: boolean } {
    const rest = periodWords ? words.replace(periodWords, ' ') : words;
    // What the speech is about, not where it is given; the venue's own topic when it names nothing else (在代表培训班上的讲话).
    const about = withoutCovered(findTopics(withoutOccasion(rest), book));
    if (about.length > 0) return { topics: about, named: true };
    const named = withoutCovered(findTopics(withoutPurpose(rest), book));
    return named.length > 0 ? { topics: named, named: true } : { topics: occasionTopics(rest, book), named: false };
  }

  /** The document in the paragraphs the request asks for, and what to say of its length and of the log's reach. */
  async function fitted(document: DraftDocument, request: string, start: IsoDate, end: IsoDate): Promise<{ document: DraftDocument; notes: string[] }> {
    const wish = shapeWish(request);
    const shaped = fitParagraphs(wish.opening ? withoutClosing(document) : document, wish.paragraphs);
    const [last, first] = await Promise.all([logEndsBefore(deps.log, start, end), logStartsAfter(deps.log, end)]);
    const notes = [lengthNote(wish, draftLength(shaped)), last ? messages.logEnds(last) : undefined, first ? messages.logStarts(first) : undefined];
    return { document: shaped, notes: notes.filter((n): n is string => !!n) };
  }

  /**
   * A draft about work no topic names (信访工作), or about a part of the topics drafted (视察里安全生产那块):
   * the entries naming it, no figure (the log counts kinds, not subjects); every kind's count, or the topics' facts, as its basis.
   */
  async function subjectDraft(request: string, subject: string, start: IsoDate, end: IsoDate, period: string, note?: string, part?: TopicPart): Promise<Draft> {
    const label = part ? `${subject}方面的${part.label}` : subjectLabel(subject);
    const entries = (await entriesNaming(deps.log, subject, start, end)).filter((a) => !part || part.kinds.includes(a.kind));
    const form = findForm(request);
    const title = form === 'speech' ? messages.speechTitle(label, speechWord(request)) : messages.sectionTitle(organ, period, label);
    const frame = form === 'speech' && entries.length > 0 ? await speechFrame(deps.knowledge, label) : { sources: [] };
    const shaped = await fitted(subjectDocument(templates, { title, period, organ, form, subject, entries, salutation: frame.salutation, closing: closingFor(frame.closing, speechWord(request)), speech: speechWord(request) }), request, start, end);
    const document = shaped.document;
    const counted = part ? [] : (await deps.log.stats({ from: start, to: end })).counts.filter((c) => c.count > 0);
    const facts: Fact[] = part ? [...part.facts] : counted.length > 0
      ? counted.map((c) => ({ kinds: [c.kind], count: c.count, titles: [], ids: [] }))
      : [{ kinds: deps.taxonomy?.kinds.map((k) => k.id) ?? [], count: 0, titles: [], ids: [] }];
    const found = entries.length > 0;
    return {
      ...withAdvice(document, !found), mode: 'template', from: start, to: end, facts, sources: frame.sources,
      document: { ...document, basis: messages.documentBasis(period, start, end, false) },
      note: [note, part && found ? messages.partEntriesOnly(subject, part.label, part.counted)
        : found ? messages.subjectEntriesOnly(subject, label) : messages.subjectNoEntries(subject, label), ...shaped.notes].filter(Boolean).join('\n'),
      fileName: `${periodForFileName(period)}${label}${messages.fileWords.find((w) => request.includes(w)) ?? messages.fileWordSection}`,
      topics: [label], empty: found ? [] : [label],
    };
  }

  function factLines(items: readonly DraftItem[]): string {
    const kindWords = new Set(deps.taxonomy?.kinds.flatMap((k) => [k.label, ...k.synonyms]) ?? []);
    return items.filter((i) => i.fact.count > 0).map(({ fact, parts }) => {
      const split = parts.length > 1 ? parts.filter((p) => p.count > 0).map((p) => `${label(p.kinds[0])}${p.count}次`).join('、') : '';
      const matters = joinMatters(mattersOf(fact.titles, kindWords, 8), fact.count) ?? '';
      return messages.promptFact(fact.kinds.map(label).join('、'), fact.count, split, matters);
    }).join('\n');
  }

  return {
    async draft({ request, from, to, now = today() }) {
      const words = request.trim();
      if (!words) throw new UserError('empty_request', messages.emptyRequest);
      const named = readPeriod(words, now);
      // 代表工委今年以来的工作: a unit the log names as recorder; its name is no topic or subject.
      const unit = await unitIn(words, deps.log);
      const found = topicsOf(unit ? words.replace(unit, ' ') : words, named.words);
      const topicNamed = found.named;
      // 再短一点, 刚才那段改成提纲 naming no topic or period: an edit of a draft this request does not carry.
      if (!topicNamed && !unit && !named.words && EARLIER_DRAFT.test(words)) throw new UserError('no_previous_draft', messages.noPreviousDraft);
      const overall = book.topics.filter((t) => t.id === 'overall');
      let topics = unit && !topicNamed && found.topics.length === 0 ? overall : found.topics;
      // 下半年工作计划, 明年工作打算: what is to be done is the office's to decide; the log holds what was done.
      // 成效和下半年打算: the work done is drafted, the plan is left to the office and said so.
      // 总结，后面加上下半年打算，300字以内: the length asked is no part of what is asked for.
      const asked = withoutLength(words);
      const plan = PLAN.test(asked) && !pointsOfWorkDone(asked, named.to, now);
      const planToo = plan && DONE_AND_PLAN.test(asked);
      if (plan && !planToo) throw new UserError('unknown_topic', messages.planNotDrafted);
      // 信访工作的总结 names work of its own: not the occasion's whole-office report.
      const subjectRead = topicNamed || unit ? undefined : unlistedSubject(withoutOccasion(words), named.words, book.occasions.flatMap((o) => o.words));
      // 代表工做情况: a topic's word with one character slipped is that topic, and the reading is said.
      const slip = subjectRead ? slipOfTopic(subjectRead, book) : undefined;
      if (slip) topics = [slip.topic];
      const unlisted = slip ? undefined : subjectRead;
      if (topics.length === 0 && !unlisted) {
        throw new UserError('unknown_topic', messages.unknownTopic(book.topics.map((t) => t.label).join('、')));
      }
      // No start given or named: the draft covers the year so far, and says so rather than silently.
      const assumed = !from && !named.from;
      const start = from ?? named.from ?? `${now.slice(0, 4)}-01-01`;
      // A named period not over yet (第三季度 on 7月5日) is drafted up to today, and said so; one still to come has nothing to draft.
      const unfinished = !to && !!named.to && named.to > now;
      if (unfinished && start > now) throw new UserError('bad_period', messages.periodToCome(named.words ?? ''));
      const end = unfinished ? now : to ?? named.to ?? now;
      if (start > end) throw new UserError('bad_period', messages.badPeriod);
      if (unlisted) {
        const period = unfinished ? sinceStart(start, named.to!, now) : describePeriod(start, end, now, from || to ? undefined : named.words);
        return subjectDraft(words, unlisted, start, end, period, assumed ? messages.periodAssumed(describePeriod(start, end, now), start, end) : undefined);
      }
      let items = await itemsFor(topics, start, end);
      const byUnit = unit ? await unitItems(deps.log, unit, items, start, end) : undefined;
      const kindsOf = (list: readonly DraftItem[]) => [...new Set(list.flatMap((i) => i.parts.filter((p) => p.count > 0).map((p) => label(p.kinds[0]))))].join('、');
      const unitNote = !byUnit ? undefined : byUnit.kept.length > 0 ? messages.unitNarrowed(unit!, kindsOf(byUnit.kept), kindsOf(byUnit.shared)) : messages.unitNotNarrowed(unit!);
      if (byUnit && byUnit.kept.length > 0) items = byUnit.kept;
      // 代表工委上半年的工作: the unit's items open as their own work does (代表工作), else as a unit's, never as the whole organ's.
      const lead = byUnit && byUnit.kept.length > 0 && !topicNamed ? unitTopic(book.topics, items)?.id ?? 'unit' : undefined;
      const voice = byUnit && byUnit.kept.length > 0 ? `${organ}${unit}` : organ;
      const facts = items.flatMap((item) => (item.parts.length > 1 ? [item.fact, ...item.parts] : [item.fact]));
      const period = unfinished ? sinceStart(start, named.to!, now) : describePeriod(start, end, now, from || to ? undefined : named.words);
      const form = findForm(words);
      const venue = form === 'speech' ? findVenue(words) : undefined;
      const subject = topicPhrase(topics);
      const title = venue ? messages.venueTitle(venue, speechWord(words))
        : form === 'speech' ? messages.speechTitle(subject, speechWord(words)) : messages.sectionTitle(voice, period, subject);
      const empty = emptyTopics(topics, items).map((t) => t.label);
      const hasFacts = facts.some((f) => f.count > 0);

      const frame = form === 'speech' && hasFacts ? await speechFrame(deps.knowledge, `${venue ?? ''}${subject}`) : { sources: [] };
      // The office's own greeting fits a general speech; to deputies the template's 各位代表 is right.
      // A meeting named that is not the deputies' own (全市人大工作交流会) is addressed as the office addresses it.
      const toOthers = !!venue && !/代表/.test(venue);
      const salutation = salutationFor(templates.find('发言称呼', leadTopic(topics, items)) && !toOthers ? undefined : frame.salutation, words);
      const templateInput = { topics, form, items, lead, period, organ: voice, title, salutation, closing: closingFor(frame.closing, speechWord(words)), speech: speechWord(words) };
      // Over the length asked (300字以内) or asked to be brief: the items to their figures' sentences, then whole items dropped.
      const wish = shapeWish(words);
      const { document: templateDocument, dropped, inBrief } = fitToLength(templates, templateInput, wish, deps.taxonomy);

      let document: DraftDocument = templateDocument;
      let mode: Draft['mode'] = 'template';
      // A topic's word is no subject, even one another named topic covers (学习和党组工作: 学习 is 党组工作's).
      const subjectNamed = namedSubject(withoutOccasion(withoutComparison(unit ? words.replace(unit, ' ') : words)), named.words, [...topics, ...findTopics(words, book)], items.map((i) => i.fact));
      // Some of the counted entries name it (视察里安全生产那块): the draft is about those alone.
      // A kind's own name (会议, 视察) is no matter within the topics: it never narrows them.
      const part: TopicPart | undefined = subjectNamed && subjectNamed.matching.length > 0 && subjectNamed.complete && !kindWords?.named(subjectNamed.subject).size
        ? { label: subject, kinds: items.flatMap((i) => i.fact.kinds), facts, counted: subjectNamed.counted } : undefined;
      const recorder = recorderIn(named.words ? words.replace(named.words, '') : words);
      const elsewhere = hasFacts && subjectNamed?.matching.length !== 0 ? undefined : await loggedElsewhere(deps.log, items.flatMap((i) => i.fact.kinds), words, named.words, [...topics, ...findTopics(words, book)]);
      const wrong = kindWords ? await wrongCounts(words, kindWords, deps.log, start, end) : [];
      let note: string | undefined = [
        unitNote,
        elsewhere ? messages.loggedElsewhere(period, elsewhere.subject, elsewhere.entries.map((a) => `${a.date}${a.title}`).join('；')) : undefined,
        slip ? messages.slipRead(subjectRead!, slip.word) : undefined,
        await comparisonNote(words, deps.log, start, end),
        ...wrong.map((w) => messages.countAsked(w.words, w.kinds.map(label).join('、'), w.logged)),
        assumed ? messages.periodAssumed(describePeriod(start, end, now), start, end) : undefined,
        unfinished ? messages.periodNotOver(describePeriod(start, named.to!, now), start, end) : undefined,
        // 第四季度 in July is last year's: said, so a year meant otherwise is caught.
        yearTaken(named.words, start, now) ? messages.periodYearTaken(named.words!, period) : undefined,
        subjectNamed && !part ? messages.subjectNotNarrowed(subjectNamed.subject, subjectNamed.counted, subjectNamed.matching, subjectNamed.complete) : undefined,
        recorder ? messages.recorderNotNarrowed(recorder) : undefined,
        planToo ? messages.planLeftOut : undefined,
        dropped.length > 0 && wish.chars ? messages.itemsDropped(wish.chars.n, wish.chars.bound, inBrief, [...new Set(dropped.flatMap((i) => i.parts.filter((p) => p.count > 0).map((p) => label(p.kinds[0]))))].join('、')) : undefined,
        hasFacts && empty.length > 0 ? messages.topicsNotLogged(empty.join('、')) : undefined,
      ].filter(Boolean).join('\n') || undefined;
      if (part) return subjectDraft(words, subjectNamed!.subject, start, end, period, note, part);
      let sources: readonly Source[] = frame.sources;
      if (deps.model && hasFacts) {
        const examples = await styleExamples(deps.knowledge, `${subject} ${words}`);
        const result = await modelDraft(deps.model, {
          form, period, request: words, subject, grounds: facts, words: kindWords, from: start, to: end, kinds: deps.taxonomy?.kinds,
          facts: factLines(items),
          empty: empty.map((t) => messages.promptEmpty(t)).join('\n'),
          examples: examples.map((s) => s.text).join('\n\n'),
        });
        note = [note, result.note].filter(Boolean).join('\n') || undefined;
        if (result.paragraphs) {
          mode = 'llm';
          sources = examples;
          document = { title, paragraphs: result.paragraphs };
        }
      }
      // 提纲, 要点: numbered headings with a line each, not the prose of a report.
      if (form === 'section' && OUTLINE.test(withoutOccasion(words))) document = asOutline(document);
      const shaped = await fitted(document, words, start, end);
      document = shaped.document;
      note = [note, ...shaped.notes].filter(Boolean).join('\n') || undefined;
      const { text, advice } = withAdvice(document, !hasFacts);
      // The templates and sanitised titles keep figures out by construction; should an edited
      // template slip one in, no draft with an ungrounded figure leaves this function.
      const stray = strayFigures(text, facts, kindWords);
      if (stray.length > 0) throw new InternalError('draft_ungrounded', `ungrounded figures in draft: ${stray.map((f) => f.text).join(',')}`);
      const fileWord = messages.fileWords.find((w) => words.includes(w))
        ?? (form === 'speech' ? messages.fileWordSpeech : messages.fileWordSection);
      const fileName = venue ? title : `${periodForFileName(period)}${subject.endsWith(fileWord) ? subject.slice(0, -fileWord.length) : subject}${fileWord}`;
      document = { ...document, basis: messages.documentBasis(period, start, end, mode === 'llm') };
      return { text, ...(advice ? { advice } : {}), mode, from: start, to: end, facts, sources, document, note, fileName, topics: topics.map((t) => t.label), empty };
    },
  };
}
