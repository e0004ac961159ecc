/**
 * An activity said to last several days (为期三天, 连续两天) is logged over those days when the
 * message says which end the named day is, and asked about when it does not — never filed on
 * one day with "为期三天" left in its title.
 */
import { describe, expect, it } from 'vitest';
import { loadTaxonomy, readMessage, type Reading } from '../../src/reader/index.ts';

const taxonomy = loadTaxonomy();
const read = (text: string, now = '2023-07-05'): Reading => readMessage(text, now, taxonomy);

/** The first entry's days and title, or the question asked. */
function entry(text: string): { date: string; to?: string; title: string } | string {
  const r = read(text);
  if (r.intent === 'unclear') return r.question;
  if (r.intent !== 'log') throw new Error(`${text} → ${r.intent}`);
  const { date, to, title } = r.activities[0];
  return { date, ...(to ? { to } : {}), title };
}

describe('an activity that lasted several days', () => {
  it('starts on a day opened with 起/开始 and lasts the days said', () => {
    expect(entry('7月1日起开展为期三天的执法检查')).toEqual({ date: '2023-07-01', to: '2023-07-03', title: '开展执法检查' });
    expect(entry('6月28号起，连续3天组织代表走访选民')).toEqual({ date: '2023-06-28', to: '2023-06-30', title: '组织代表走访选民' });
    expect(entry('7月3日开始，组织代表开展为期两天的集中视察')).toEqual({ date: '2023-07-03', to: '2023-07-04', title: '组织代表开展集中视察' });
    expect(entry('6月5日起开展为期一周的执法检查')).toEqual({ date: '2023-06-05', to: '2023-06-11', title: '开展执法检查' });
  });

  it('spans days named one after another when the length says they are one activity', () => {
    expect(entry('前天和昨天连续两天开展执法检查')).toEqual({ date: '2023-07-03', to: '2023-07-04', title: '开展执法检查' });
    expect(entry('前天和昨天连续三天开展执法检查')).toMatch(/同一项活动持续了几天，还是每天各开展了一次/);
  });

  it('ends on the day named when the message reports its close', () => {
    expect(entry('今天结束了为期三天的执法检查')).toEqual({ date: '2023-07-03', to: '2023-07-05', title: '结束了执法检查' });
  });

  it('keeps a range whose days match the length, and asks when they do not', () => {
    expect(entry('6月1日至3日开展了为期三天的执法检查')).toEqual({ date: '2023-06-01', to: '2023-06-03', title: '开展了执法检查' });
    expect(entry('6月1日至3日开展了为期两天的执法检查')).toMatch(/天数和“为期两天”对不上.*没有记录/);
  });

  it('asks for the first and last day when the named day could be either, or no day is named', () => {
    expect(entry('今天组织代表视察了安全生产工作，为期三天')).toMatch(/“为期三天”：今天是第一天还是最后一天？.*回复之前不会记录/);
    // Both readings come with the question, for the person to pick from.
    expect(read('今天组织代表视察了安全生产工作，为期三天')).toMatchObject({ ends: {
      first: { date: '2023-07-05', to: '2023-07-07', kind: 'inspection', title: '组织代表视察了安全生产工作' },
      last: { date: '2023-07-03', to: '2023-07-05' },
    } });
    expect(entry('昨天组织代表调研了养老服务，历时两天')).toMatch(/昨天是第一天还是最后一天/);
    expect(entry('连续两天组织代表调研了养老服务')).toMatch(/“连续两天”是哪几天？/);
  });

  it('is a future entry like any other when it starts after today', () => {
    const r = read('7月10日起开展为期三天的执法检查');
    expect(r.intent === 'log' && r.activities[0]).toMatchObject({ date: '2023-07-10', to: '2023-07-12' });
  });

  it('leaves a length that is what was discussed, or a single day, alone', () => {
    expect(entry('昨天召开主任会议，研究为期三个月的专项行动')).toMatchObject({ date: '2023-07-04' });
    expect(entry('今天开展了为期一天的培训')).toMatchObject({ date: '2023-07-05' });
  });
});
