/**
 * The sixth fresh set (fixtures/messages/fresh-activity6.jsonl, written before the fixes): planned
 * activities, head counts, date forms, counts by kind and month, rankings, empty months, person
 * and place narrowing, and chat that is not an activity.
 */
import { describe } from 'vitest';
import { loadTaxonomy, readMessage, type Reading } from '../../src/reader/index.ts';
import { readsAsExpected } from '../support/message-set.ts';

const taxonomy = loadTaxonomy();
const read = (text: string, now: string): Reading => readMessage(text, now, taxonomy);

describe('whole messages: fixtures/messages/fresh-activity6.jsonl', () => {
  readsAsExpected('fresh-activity6.jsonl', read);
});
