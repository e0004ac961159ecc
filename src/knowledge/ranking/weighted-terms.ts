/**
 * A question's terms with their rarity weights, weighed once per question: the second stage
 * measures the same terms' coverage of many texts (each candidate, its clauses, its lead).
 */

/** Terms and their weights, with the total of the whole list. */
export class WeightedTerms {
  private constructor(
    readonly items: readonly string[],
    private readonly weights: readonly number[],
    /** The whole list's total weight: shares stay shares of every term, whichever are kept. */
    private readonly total: number,
  ) {}

  /** The terms weighed by `weight`. */
  static of(items: readonly string[], weight: (item: string) => number): WeightedTerms {
    const weights = items.map(weight);
    let total = 0;
    for (const w of weights) total += w;
    return new WeightedTerms(items, weights, total);
  }

  /** Share (0..1) of the whole list's weight found in `text` — `coverage` of the list, exactly. */
  share(text: string): number {
    let found = 0;
    for (let i = 0; i < this.items.length; i++) if (text.includes(this.items[i])) found += this.weights[i];
    return this.total > 0 ? found / this.total : 0;
  }

  /** Share (0..1) of the whole list's weight these terms hold (after `within`: found in its text). */
  keptShare(): number {
    let found = 0;
    for (const w of this.weights) found += w;
    return this.total > 0 ? found / this.total : 0;
  }

  /**
   * The terms found in `text`, still weighed against the whole list: the others cannot be in any
   * part of it, so `share` of a part (a clause, a sentence) is the same and cheaper.
   */
  within(text: string): WeightedTerms {
    const items: string[] = [];
    const weights: number[] = [];
    this.items.forEach((item, i) => {
      if (text.includes(item)) {
        items.push(item);
        weights.push(this.weights[i]);
      }
    });
    return new WeightedTerms(items, weights, this.total);
  }
}
