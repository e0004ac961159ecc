/**
 * The fourth fresh set (fixtures/messages/fresh-activity4.jsonl, written before the fixes): every
 * entry of a message with several, and what a person would notice of the misreadings it found —
 * a holiday's own day asked back, a confirming 没…吧 taken for a deed not done, a yes/no about a
 * deed no activity word names sent to the documents, 列给我 not read as a list.
 */
import { describe, expect, it } from 'vitest';
import { loadTaxonomy, readMessage, type Reading } from '../../src/reader/index.ts';
import { readsAsExpected } from '../support/message-set.ts';

const taxonomy = loadTaxonomy();
const read = (text: string, now: string): Reading => readMessage(text, now, taxonomy);

describe('whole messages: fixtures/messages/fresh-activity4.jsonl', () => {
  readsAsExpected('fresh-activity4.jsonl', read);
});

describe('a holiday on a fixed date, named with 当天 or 那天, is that day', () => {
  it.each([
    ['元旦当天走访慰问了环卫工人', '2027-01-04', '2027-01-01'],
    ['国庆节当天组织机关干部参加升旗仪式', '2027-10-12', '2027-10-01'],
    ['去年国庆节那天组织机关干部参加升旗仪式', '2027-01-04', '2026-10-01'],
    ['劳动节当天走访慰问一线劳动者', '2025-05-08', '2025-05-01'],
  ])('%s (%s) → %s', (text, now, date) => {
    expect(read(text, now)).toMatchObject({ intent: 'log', activity: { date } });
  });

  it('around a holiday, or the holiday alone, is still asked about', () => {
    for (const text of ['元旦前组织代表走访了困难家庭', '元旦走访了环卫工人', '国庆期间走访了企业', '春节后第一个工作日召开了机关干部大会']) {
      expect(read(text, '2027-01-04')).toMatchObject({ intent: 'unclear' });
    }
  });
});

describe('a confirming question (没…吧, 过…吧) is a yes/no about the log, not a deed not done', () => {
  it.each([
    ['今年还没开过常委会吧', ['session']],
    ['今年没开过专题询问吧', ['inquiry']],
    ['上周开党组会了吧', ['party_meeting']],
  ])('%s', (text, kinds) => {
    expect(read(text, '2027-10-12')).toMatchObject({ intent: 'list', kinds, whether: true });
  });

  it('吧 proposing something (明天开会吧) is no question about the log', () => {
    expect(read('明天开会吧', '2027-10-12')).not.toMatchObject({ intent: 'list' });
  });
});

describe('a yes/no about a deed no activity word names is narrowed to it, never every kind', () => {
  it.each([
    ['今年有没有开展过满意度测评', '2025-05-08'],
    ['今年没搞过满意度测评吧', '2027-10-12'],
    ['去年一次满意度测评都没搞吗', '2027-01-04'],
  ])('%s', (text, now) => {
    expect(read(text, now)).toMatchObject({ intent: 'list', kinds: [], whether: true, about: '满意度测评' });
  });

  it('the count of it is narrowed likewise', () => {
    expect(read('今年搞了几次满意度测评', '2027-10-12')).toMatchObject({ intent: 'count', kinds: [], about: '满意度测评' });
  });
});

describe('列给我 asks for the entries; 列给我一个提纲 asks for a draft', () => {
  it('把上周的视察和调研列给我', () => {
    expect(read('把上周的视察和调研列给我', '2027-10-12')).toEqual({ intent: 'list', kinds: ['inspection', 'research'], from: '2027-10-04', to: '2027-10-10' });
  });
  it('列给我一个汇报提纲', () => {
    expect(read('列给我一个汇报提纲', '2027-10-12')).toEqual({ intent: 'draft' });
  });
});
