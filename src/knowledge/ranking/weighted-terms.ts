/**
 * A question's terms with their rarity weights, weighed once per question: the second stage
 * measures the same terms' coverage of many texts (each candidate, its clauses, its lead).
 * Which terms a text holds is kept as indices into the question's list, in buffers reused from
 * candidate to candidate, so thirty candidates and their clauses cost no arrays; every sum still
 * runs over the terms in the question's order, so every share is the same number to the last bit.
 */

/** Terms and their weights, with the total of the whole list. */
export class WeightedTerms {
  private constructor(
    /** The terms, in the question's order. */
    readonly items: readonly string[],
    /** Each term's weight. */
    readonly weights: readonly number[],
    /** The whole list's total weight: shares stay shares of every term, whichever are kept. */
    readonly total: number,
  ) {}

  /** The terms weighed by `weight`. */
  static of(items: readonly string[], weight: (item: string) => number): WeightedTerms {
    const weights = items.map(weight);
    let total = 0;
    for (const w of weights) total += w;
    return new WeightedTerms(items, weights, total);
  }
}

/**
 * The terms of a list that one text holds, still weighed against the whole list: the others
 * cannot be in any part of that text, so `share` of a part (a clause, a sentence) is the same
 * and cheaper. Refilled by `holdIn` for each text; a reading is valid until the next refill.
 */
export class HeldTerms {
  /** Indices into `terms.items` of the terms held, ascending. */
  private readonly at: Int32Array;
  /** How many terms are held. */
  count = 0;

  constructor(readonly terms: WeightedTerms) {
    this.at = new Int32Array(terms.items.length);
  }

  /** Every term of `terms` held (for a text known to hold them all). */
  static all(terms: WeightedTerms): HeldTerms {
    const held = new HeldTerms(terms);
    for (let i = 0; i < terms.items.length; i++) held.at[i] = i;
    held.count = terms.items.length;
    return held;
  }

  /** Hold the terms `text` contains: of the whole list, or of those `from` holds (a text `text` is part of). */
  holdIn(text: string, from?: HeldTerms): this {
    const { items } = this.terms;
    let count = 0;
    if (from) {
      for (let k = 0; k < from.count; k++) if (text.includes(items[from.at[k]])) this.at[count++] = from.at[k];
    } else {
      for (let i = 0; i < items.length; i++) if (text.includes(items[i])) this.at[count++] = i;
    }
    this.count = count;
    return this;
  }

  /** The `k`-th term held (0 ≤ k < count). */
  item(k: number): string {
    return this.terms.items[this.at[k]];
  }

  /** The weight of the `k`-th term held. */
  weight(k: number): number {
    return this.terms.weights[this.at[k]];
  }

  /** Share (0..1) of the whole list's weight found in `text`, of the terms held. */
  share(text: string): number {
    let found = 0;
    for (let k = 0; k < this.count; k++) if (text.includes(this.item(k))) found += this.weight(k);
    return this.terms.total > 0 ? found / this.terms.total : 0;
  }

  /** Share (0..1) of the whole list's weight the held terms carry. */
  keptShare(): number {
    let found = 0;
    for (let k = 0; k < this.count; k++) found += this.weight(k);
    return this.terms.total > 0 ? found / this.terms.total : 0;
  }
}
