/**
 * A count of a field of work (今年代表工作开展了几次) and a draft of it (写一段今年代表工作的汇报)
 * give the same figures: the reader's fields take the kinds of the drafting topic of the same name.
 * An office that puts the draft's figure beside the count's would otherwise find two numbers.
 */
import { describe, expect, it } from 'vitest';
import { loadTopics } from '../../src/drafting/topics.ts';
import { FIELD_KINDS } from '../../src/reader/unlogged-asks.ts';

describe('fields of work counted and drafted', () => {
  it('take the same kinds in the reader and in the drafting topics', () => {
    const topics = loadTopics().topics;
    for (const field of FIELD_KINDS) {
      const topic = topics.find((t) => t.label === field.name);
      expect(topic, field.name).toBeDefined();
      expect([...field.kinds].sort()).toEqual(topic!.groups.flat().sort());
    }
  });
});
