/**
 * Activity words of different kinds listed in one clause (开了党组会和主任会) are as many entries,
 * each with its own kind — one entry under the first kind would leave the others uncounted.
 */
import { describe, expect, it } from 'vitest';
import { loadTaxonomy, readMessage } from '../../src/reader/index.ts';

const taxonomy = loadTaxonomy();
/** Each entry as `date kind title`, or the question asked. */
function entries(text: string, now = '2023-07-05'): string[] | string {
  const r = readMessage(text, now, taxonomy);
  if (r.intent === 'unclear') return r.question;
  if (r.intent !== 'log') throw new Error(`${text} → ${r.intent}`);
  return r.activities.map((a) => `${a.date} ${a.kind} ${a.title}`);
}

describe('several kinds listed in one clause', () => {
  it('logs one entry per kind, each titled with the deed and its own activity word', () => {
    expect(entries('今天开了党组会和主任会')).toEqual(['2023-07-05 party_meeting 开了党组会', '2023-07-05 council_meeting 开了主任会']);
    expect(entries('今天召开了常委会会议和主任会议')).toEqual(['2023-07-05 session 召开了常委会会议', '2023-07-05 council_meeting 召开了主任会议']);
    // Listed deeds share their object.
    expect(entries('昨天视察和调研了养老服务')).toEqual(['2023-07-04 inspection 视察了养老服务', '2023-07-04 research 调研了养老服务']);
    expect(entries('今天上午和下午分别召开了主任会议和党组会议')).toEqual([
      '2023-07-05 council_meeting 召开了主任会议', '2023-07-05 party_meeting 召开了党组会议',
    ]);
  });

  it('pairs the days of a 分别 message with the kinds in order', () => {
    expect(entries('本周一、周二分别召开了主任会议和党组会议')).toEqual([
      '2023-07-03 council_meeting 召开了主任会议', '2023-07-04 party_meeting 召开了党组会议',
    ]);
    expect(entries('本周一、周二分别召开了主任会议、党组会议和常委会会议')).toMatch(/对不上.*没有记录/);
  });

  it('keeps one entry where the words are one deed (听取和审议, 视察调研, 视察…并召开座谈会)', () => {
    expect(entries('昨天组织代表视察调研了养老服务')).toEqual(['2023-07-04 inspection 组织代表视察调研了养老服务']);
    expect(entries('昨天听取和审议了区政府的报告')).toEqual(['2023-07-04 report_review 听取和审议了区政府的报告']);
    expect(entries('昨天组织代表视察了学校并召开座谈会')).toHaveLength(1);
  });
});
