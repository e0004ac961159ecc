/**
 * The search path exercised once a large index is in memory, before the people asking need it.
 *
 * V8 runs a function in its interpreter until it has run a while, then compiles it with the
 * types it saw; a term's block bounds are computed at its first use. So the first searches of a
 * process cost more than later ones: at 100,000 passages the 40 searches after the bench's 20
 * warm-up questions cost 2–3× the rest and held most of its slowest 5% (sessions 30 and 34).
 * Once a large index is in memory — the first question after a start has loaded it, or an
 * ingest's index is complete — the knowledge base searches WARM_UP_SEARCHES questions made from
 * its own passages, one at a time, only while no one else's search is under way. Its timers do
 * not keep a process alive (a command that is done exits), `stop` ends it between two searches,
 * and a failure ends it with one log line: a search only reads, so nothing is changed by it.
 */
import type { PassageStore } from './ports/passage-store.ts';
import { THREAD_FROM_UNITS } from './search/bm25-search-thread.ts';

/** Indexes of at least this many units are warmed (smaller ones search in well under a millisecond anyway). */
export const WARM_UP_FROM_UNITS = THREAD_FROM_UNITS;
/** Searches made by a warm-up (at 100,000 passages each costs ~5 ms of CPU on this machine). */
export const WARM_UP_SEARCHES = 100;
/** How long a warm-up waits before looking again when someone's search is under way. */
const BUSY_WAIT_MS = 20;

/** What the warm-up searches with: the knowledge base's own search and a way to make questions. */
export interface WarmUpSource {
  /** The whole search a question goes through (the same one people's questions take). */
  readonly search: (question: string) => Promise<unknown>;
  /** Up to `count` questions made from the stored passages. */
  readonly questions: (count: number) => Promise<string[]>;
  /** Units in the keyword index now (loaded). */
  readonly units: () => number;
  readonly log: (line: string) => void;
}

/** A pause that does not keep the process alive. */
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

/** One warm-up per knowledge base: started by the first large index, waited for by none but tests and the bench. */
export class SearchWarmUp {
  private active = 0;
  private stopped = false;
  private run?: Promise<number>;

  constructor(
    private readonly source: WarmUpSource,
    private readonly fromUnits = WARM_UP_FROM_UNITS,
    private readonly searches = WARM_UP_SEARCHES,
  ) {}

  /** Someone's search: the warm-up waits while any is under way. */
  async asked<T>(work: () => Promise<T>): Promise<T> {
    this.active++;
    try {
      return await work();
    } finally {
      this.active--;
    }
  }

  /**
   * Start the warm-up if the index is large and it has not run yet (never awaited by a question);
   * `afterwards` runs once it is over, or at once when there is none to run.
   */
  start(afterwards?: () => void): void {
    if (!this.run && !this.stopped && this.searches > 0 && this.large()) {
      this.run = this.warm().then((made) => {
        afterwards?.();
        return made;
      });
    } else afterwards?.();
  }

  private large(): boolean {
    try {
      return this.source.units() >= this.fromUnits;
    } catch {
      return false; // no index to warm (it could not be loaded: the search says so itself)
    }
  }

  /** The searches the warm-up made, once it is over (0 when it has not started); the process stays up while this is awaited. */
  async done(): Promise<number> {
    if (!this.run) return 0;
    const keep = setInterval(() => {}, 1000);
    try {
      return await this.run;
    } finally {
      clearInterval(keep);
    }
  }

  /** End the warm-up between two searches (the knowledge base is closing). */
  stop(): void {
    this.stopped = true;
  }

  private async warm(): Promise<number> {
    let made = 0;
    try {
      await pause(0); // after what started it
      const questions = await this.source.questions(this.searches);
      for (const question of questions) {
        while (this.active > 0 && !this.stopped) await pause(BUSY_WAIT_MS);
        if (this.stopped) break;
        await this.source.search(question);
        made++;
        await pause(0); // a question that arrived meanwhile goes first
      }
    } catch (error) {
      if (!this.stopped) this.source.log(`knowledge: the search warm-up stopped: ${error instanceof Error ? error.message : String(error)}`);
    }
    return made;
  }
}

/**
 * A question made from a passage's text: its longest clause (at most 24 characters) asked about,
 * so the warm-up's searches find candidates and go through every stage as a real question does.
 */
export function warmUpQuestion(text: string, turn: number): string | undefined {
  const clause = text.replace(/^第[^条\s]{1,8}条\s*/, '').split(/[，。；：！？\n]/)
    .map((part) => part.trim()).reduce((longest, part) => (part.length > longest.length ? part : longest), '');
  if (clause.length < 4) return undefined;
  return `${clause.slice(0, 24)}${['有什么规定？', '吗？', '是怎么规定的？'][turn % 3]}`;
}

/** Up to `count` questions made from passages spread evenly over the store. */
export async function warmUpQuestions(store: PassageStore, count: number): Promise<string[]> {
  const ids = await store.passageIds();
  const step = Math.max(1, ids.length / count);
  const picked = Array.from({ length: Math.min(count, ids.length) }, (_, i) => ids[Math.floor(i * step)]);
  return (await store.passagesByIds(picked)).flatMap((passage, i) => warmUpQuestion(passage.text, i) ?? []);
}
