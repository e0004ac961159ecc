/**
 * A comparison asked in one message is answered with both counts and the difference, as the
 * follow-up 和5月份比呢 is — never with the first period's count alone, nor as a question on the
 * rules; two periods asked in two clauses are both counted.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RuleReader, loadTaxonomy } from '../../src/reader/index.ts';
import { makeBench, say, type TestBench } from '../support/assistant-helpers.ts';

const reader = new RuleReader(loadTaxonomy());
let bench: TestBench;
afterEach(() => bench?.close());

const LOGGED = [
  '2024年5月3日视察了医院', '2024年9月3日视察了学校', '2025年9月9日视察了河道', '2025年9月19日视察了环保工作', '2025年10月9日视察了养老院',
  '2024年3月3日召开常委会第五次会议', '2025年3月3日召开常委会第十次会议', '2025年8月3日召开常委会第十二次会议',
  '2025年10月8日开展专题调研', '2025年11月3日开展专题调研', '2025年11月5日开展专题调研', '2025年7月1日开展监督工作调研',
];

async function benchWithLog(): Promise<TestBench> {
  const b = makeBench(reader, { today: '2025-11-20' });
  for (const text of LOGGED) await b.assistant.handle(say(text));
  return b;
}

/** Each question in a thread of its own, so none is read as a follow-up of another. */
const ask = async (text: string) => (await bench.assistant.handle(say(text, { threadId: `t:${text}` }))).text.split('\n');

describe('a comparison in one message', () => {
  it.each([
    ['这个月的调研跟上个月比怎么样', ['· 2025年11月调研：2 次', '· 2025年10月调研：1 次', '2025年11月比2025年10月多 1 次（均按活动记录统计）。']],
    ['本月调研比上月多吗', ['· 2025年11月调研：2 次', '· 2025年10月调研：1 次', '2025年11月比2025年10月多 1 次（均按活动记录统计）。']],
    ['本月调研与上月相比', ['· 2025年11月调研：2 次', '· 2025年10月调研：1 次', '2025年11月比2025年10月多 1 次（均按活动记录统计）。']],
    ['今年的视察和去年相比多了还是少了', ['· 2025年视察：3 次', '· 2024年视察：2 次', '2025年比2024年多 1 次（均按活动记录统计）。']],
    ['今年执法检查比去年少了吗', ['· 2025年执法检查：0 次', '· 2024年执法检查：0 次', '2025年与2024年次数相同（均按活动记录统计）。']],
  ])('%s → both counts and the difference', async (text, lines) => {
    bench = await benchWithLog();
    expect(await ask(text)).toEqual(lines);
  });

  it('counts the period asked about first, the one it is compared with second (与去年相比，今年…)', async () => {
    bench = await benchWithLog();
    expect(await ask('与去年相比，今年视察多了几次')).toEqual([
      '· 2025年视察：3 次', '· 2024年视察：2 次', '2025年比2024年多 1 次（均按活动记录统计）。',
    ]);
    expect(await ask('和上个月比，这个月调研了几次')).toEqual([
      '· 2025年11月调研：2 次', '· 2025年10月调研：1 次', '2025年11月比2025年10月多 1 次（均按活动记录统计）。',
    ]);
  });

  it('counts each period asked in a clause of its own (今年开了几次常委会，去年开了几次)', async () => {
    bench = await benchWithLog();
    expect(await ask('今年开了几次常委会，去年开了几次')).toEqual([
      '· 2025年常委会会议：2 次', '· 2024年常委会会议：1 次', '· 合计：3 次（均按活动记录统计）',
    ]);
    expect(await ask('9月份视察了几次，10月份视察了几次')).toEqual([
      '· 2025年9月视察：2 次', '· 2025年10月视察：1 次', '· 合计：3 次（均按活动记录统计）',
    ]);
  });

  it('counts the period of a 呢 clause too, and adds up no period inside another (其中9月)', async () => {
    bench = await benchWithLog();
    expect(await ask('今年视察了几次，去年呢')).toEqual(['· 2025年视察：3 次', '· 2024年视察：2 次', '· 合计：5 次（均按活动记录统计）']);
    expect(await ask('今年视察了几次，其中9月几次')).toEqual(['· 2025年视察：3 次', '· 2025年9月视察：2 次']);
  });

  it('/stats with two periods apart counts both', async () => {
    bench = await benchWithLog();
    expect(await ask('/stats 今年 去年 视察')).toEqual(['· 2025年视察：3 次', '· 2024年视察：2 次', '· 合计：5 次（均按活动记录统计）']);
  });

  it('counts each clause with its own kinds, and adds up none of different kinds', async () => {
    bench = await benchWithLog();
    expect(await ask('今年开了几次常委会，去年视察了几次')).toEqual(['· 2025年常委会会议：2 次', '· 2024年视察：2 次']);
  });

  it('a field of work (监督工作) is counted over its kinds, compared or not, never every kind', async () => {
    bench = await benchWithLog();
    const SUPERVISION = '听取审议报告、视察、调研、执法检查、专题询问';
    const [line] = await ask('今年监督工作开展了几次');
    expect(line).toMatch(new RegExp(`^2025年共开展${SUPERVISION} \\d+ 次`));
    // Compared or broken down, the field is kept, and not taken with the words of comparing (监督工作比).
    const compared = await ask('今年监督工作比去年多几次');
    expect(compared[0]).toMatch(new RegExp(`^· 2025年${SUPERVISION}：\\d+ 次$`));
    expect(compared[1]).toMatch(new RegExp(`^· 2024年${SUPERVISION}：\\d+ 次$`));
    expect((await ask('这个月的监督工作跟上个月比怎么样'))[0]).toContain(SUPERVISION);
    expect((await ask('上半年和下半年各开展了几次监督工作'))[0]).toContain(SUPERVISION);
  });

  it('logs paperwork about an activity as 其他, not as the activity', async () => {
    bench = await benchWithLog();
    expect((await ask('昨天起草了常委会工作报告'))[0]).toContain('其他 起草了常委会工作报告');
    expect(await ask('今年听取审议报告几次')).toEqual(['2025年没有听取审议报告的记录。']);
  });
});
