/** Keeping the best k of many scored items without sorting them all. */

/** A hit of a retriever: a passage id and its score (higher is better). */
export interface Hit {
  readonly id: number;
  readonly score: number;
}

/** Collects the k highest-scoring items (ties keep the earlier one). */
export class TopK {
  private readonly ids: number[] = [];
  private readonly scores: number[] = [];

  constructor(private readonly k: number) {}

  /** Offer one item. */
  push(id: number, score: number): void {
    const n = this.scores.length;
    if (n === this.k && score <= this.scores[n - 1]) return;
    let i = n;
    while (i > 0 && this.scores[i - 1] < score) i--;
    this.ids.splice(i, 0, id);
    this.scores.splice(i, 0, score);
    if (this.scores.length > this.k) {
      this.ids.pop();
      this.scores.pop();
    }
  }

  /** The score an item must beat to be kept: the k-th best once k are kept, else -Infinity. */
  threshold(): number {
    return this.scores.length === this.k ? this.scores[this.k - 1] : -Infinity;
  }

  /** The kept items, best first. */
  result(): Hit[] {
    return this.ids.map((id, i) => ({ id, score: this.scores[i] }));
  }
}
