/**
 * Kinds of failure found by reading messages written fresh for the held-out evaluation's kind
 * (fixtures/messages/fresh-activity.jsonl, written before the fixes): what a person would notice —
 * an entry of the wrong kind, an entry filed on today for a day it could not read, a list or a
 * count where a deed was reported.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTaxonomy, readMessage, type Reading } from '../../src/reader/index.ts';

const taxonomy = loadTaxonomy();
const NOW = '2025-11-20';
const read = (text: string, now = NOW): Reading => readMessage(text, now, taxonomy);

describe('a meeting named by a noun the taxonomy does not list is a meeting (其他会议)', () => {
  it.each([
    ['昨天召开了年终工作总结会', 'meeting'],
    ['今天上午开了个碰头会，商量代表培训安排', 'meeting'],
    ['前天参加了全区警示教育大会', 'meeting'],
    ['昨天召开了代表工作联席会', 'meeting'],
    ['上周四召开了党组（扩大）会', 'party_meeting'],
    ['昨天召开主任扩大会议', 'council_meeting'],
  ])('%s → %s, not 其他', (text, kind) => {
    expect(read(text)).toMatchObject({ intent: 'log', activity: { kind } });
  });

  it('is counted and listed as meetings, never as every activity', () => {
    expect(read('今年开了几次碰头会')).toMatchObject({ intent: 'count', kinds: ['meeting'], from: '2025-01-01' });
    expect(read('列出去年的表彰大会')).toMatchObject({ intent: 'list', kinds: ['meeting'], from: '2024-01-01' });
  });

  it('keeps a listed kind inside the noun, bare 开会 as every meeting, and bodies and galas out', () => {
    expect(read('昨天召开了代表建议交办会')).toMatchObject({ activity: { kind: 'suggestion' } });
    expect(read('上个月都开了哪些会')).toMatchObject({ intent: 'list', kinds: ['council_meeting', 'meeting', 'party_meeting', 'session'] });
    expect(read('昨天举办了迎新晚会')).toMatchObject({ activity: { kind: 'other' } });
    expect(read('昨天参加了区工会组织的活动')).toMatchObject({ activity: { kind: 'other' } });
  });

  it('a meeting before another activity is its own entry (上午召开总结会，下午视察学校)', () => {
    const r = read('上午召开总结会，下午视察学校');
    expect(r.intent === 'log' && r.activities.map((a) => a.kind)).toEqual(['meeting', 'inspection']);
  });
});
