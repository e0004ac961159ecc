/**
 * The knowledge section of `npm run bench` runs in a process of its own with no TypeScript loader
 * (bench-knowledge-apart.ts): its driver bundled, the app taken from dist/, its child scripts (the
 * exact reference, the FTS5 peer, the resting probe) found and run. A small index here; the
 * figures themselves are the bench's business.
 */
import { describe, expect, it } from 'vitest';
import { benchKnowledgeApart } from '../../scripts/bench-knowledge-apart.ts';

describe('the knowledge bench in a process of its own', () => {
  it('measures a small index end to end and reports that process\'s own peak', async () => {
    const figures = await benchKnowledgeApart({ passages: 1_000 });
    expect(figures.passages).toBe(1_000);
    // Every stage ran: searches, the exact reference beside the graph, the peer, the resting probe.
    expect(figures.hybrid_query_ms_p95).toBeGreaterThan(0);
    expect(figures.hnsw_recall_at_10).toBeGreaterThan(0.9);
    expect(figures.fts5_peer.questions_with_hits).toBeGreaterThan(0);
    expect(figures.resting_rss_mb).toBeGreaterThan(0);
    expect(figures.peak_rss_mb).toBeGreaterThan(figures.resting_rss_mb ?? 0);
  }, 120_000);
});
