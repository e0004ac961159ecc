/**
 * A passage read once for the second stage: what the built-in re-ranker compares with every
 * question and that depends on no question — the comparable text, the canonical body, its clauses
 * and their openings, the lead sentence, the level, the articles it cites, the answer types it
 * states. The readings of the passages met last are kept, so a passage found again (staff ask
 * about the same few rules) is not rewritten, split and matched again.
 */
import { StatedAnswerTypes } from '../answer-types.ts';
import type { Passage } from '../types.ts';
import { ARTICLE_LABEL, type ArticleFacts, type ArticleReference, CLAUSE, articleLabel, articleReferences, clauseOpenings } from './article-cues.ts';
import { firstBody } from './body-cue.ts';
import type { Canonicalizer } from '../search/equivalences.ts';
import { comparableParts } from './question-terms.ts';
import { type PassageLevel, type Scope, clauseLevel, passageLevel } from './scope-cue.ts';

// The first sentence of a passage: up to the first full stop, semicolon or colon.
const LEAD = /^[^。；：！？\n]*/u;

/** What the second stage reads of one passage, whatever the question (the rarer parts at their first use). */
export class PassageReading implements ArticleFacts {
  /** Headings and body, canonical and as written (`comparableText`): where a question's terms are looked for. */
  readonly text: string;
  /** The body alone in canonical spelling. */
  readonly body: string;
  /** Title, headings and location in canonical spelling. */
  readonly heading: string;
  readonly level: PassageLevel;
  readonly references: readonly ArticleReference[];
  // Read at their first use (fields declared up front: every reading has one shape).
  private leadSentence: string | undefined = undefined;
  private clauseList: readonly string[] | undefined = undefined;
  private openingList: readonly string[] | undefined = undefined;
  private ownLabel: string | null | undefined = undefined;
  private statedTypes: StatedAnswerTypes | undefined = undefined;
  private clauseLevels: ReadonlyArray<Scope | undefined> | undefined = undefined;
  private leadBody: string | null | undefined = undefined;

  constructor(readonly passage: Passage, canonicalizer: Canonicalizer) {
    const { all, body } = comparableParts(passage, canonicalizer);
    this.text = all;
    this.body = body;
    this.heading = canonicalizer.applyHeading(passage.title, passage.context, passage.location);
    this.level = passageLevel(passage.title, passage.text);
    this.references = articleReferences(passage.text);
  }

  /** The passage's document. */
  get doc(): string {
    return this.passage.doc;
  }

  /** The body's first sentence, without its article label. */
  get lead(): string {
    return this.leadSentence ??= this.body.replace(ARTICLE_LABEL, '').match(LEAD)?.[0] ?? '';
  }

  /** The body's sentences and semicolon clauses. */
  get clauses(): readonly string[] {
    return this.clauseList ??= this.body.match(CLAUSE) ?? [];
  }

  /** Each clause's opening after the article label (`clauseOpenings`), for the topic-position cue. */
  get openings(): readonly string[] {
    return this.openingList ??= clauseOpenings(this.body);
  }

  /** The article's own number (`articleLabel`). */
  get label(): string | undefined {
    if (this.ownLabel === undefined) this.ownLabel = articleLabel(this.passage) ?? null;
    return this.ownLabel ?? undefined;
  }

  /** The answer types the passage states. */
  get answerTypes(): StatedAnswerTypes {
    return this.statedTypes ??= new StatedAnswerTypes(this.passage.text);
  }

  /** Whether this is a reading of `passage` as it is now (a re-ingested passage may keep its id). */
  isOf(passage: Passage): boolean {
    const own = this.passage;
    return own === passage || (own.text === passage.text && own.context === passage.context && own.title === passage.title &&
      own.location === passage.location && own.doc === passage.doc);
  }

  /** The level the `i`-th clause names (`clauseLevel`). */
  clauseLevel(i: number): Scope | undefined {
    this.clauseLevels ??= this.clauses.map(clauseLevel);
    return this.clauseLevels[i];
  }

  /** The first body the lead sentence names (`firstBody`). */
  subject(): string | undefined {
    if (this.leadBody === undefined) this.leadBody = firstBody(this.lead) ?? null;
    return this.leadBody ?? undefined;
  }
}

/** How many passages' readings are kept (the least recently met go first): a few MB. */
const KEPT_READINGS = 2048;
/**
 * How many passages met once are remembered (their ids only, forgotten all at once when full):
 * a passage is kept when it is met again before that, within some seventy questions.
 */
const SEEN_ONCE = 2048;

/**
 * Readings of the passages met more than once lately, under one canonicalizer. A passage met for
 * the first time is read and let go: most of a question's thirty candidates are not met again
 * soon, and keeping their readings would only move them to the old generation for a later,
 * slower collection (measured: a cache that keeps every reading costs more than it saves when
 * the questions range over more passages than it holds).
 */
export class PassageReadings {
  private readonly kept = new Map<number, PassageReading>();
  private readonly seen = new Set<number>();

  constructor(readonly canonicalizer: Canonicalizer, private readonly limit = KEPT_READINGS) {}

  /** The reading of `passage`: kept from an earlier question when its text is still the same, else read now. */
  read(passage: Passage): PassageReading {
    const known = this.kept.get(passage.id);
    if (known?.isOf(passage)) {
      // Met again: now the most recently met.
      this.kept.delete(passage.id);
      this.kept.set(passage.id, known);
      return known;
    }
    const reading = new PassageReading(passage, this.canonicalizer);
    if (known || this.seen.has(passage.id)) this.keep(passage.id, reading);
    else {
      if (this.seen.size >= SEEN_ONCE) this.seen.clear();
      this.seen.add(passage.id);
    }
    return reading;
  }

  /** Keep a reading, letting the least recently met go when full. */
  private keep(id: number, reading: PassageReading): void {
    this.kept.delete(id);
    this.seen.delete(id);
    if (this.kept.size >= this.limit) {
      const oldest = this.kept.keys().next();
      if (!oldest.done) this.kept.delete(oldest.value);
    }
    if (this.limit > 0) this.kept.set(id, reading);
  }
}
