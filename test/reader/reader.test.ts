import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RuleReader, Taxonomy, loadTaxonomy, readMessage, type Reading } from '../../src/reader/index.ts';

const taxonomy = loadTaxonomy();
const read = (text: string, now = '2023-07-05'): Reading => readMessage(text, now, taxonomy);

/** The meaning of a reading in one line, as the phrasing table writes it. */
function meaning(r: Reading): string {
  if (r.intent === 'log') return `log ${r.activity.kind} ${r.activity.date}`;
  if (r.intent === 'count' || r.intent === 'list') return `${r.intent} ${r.kinds.join(',') || '-'} ${r.from} ${r.to}`;
  return r.intent;
}

describe('ask versus count: a procedure question that mentions an activity is not a count', () => {
  it.each([
    '视察的时候代表能不能当场处理问题',
    '执法检查报告要包括哪些内容',
    '代表接待选民要做哪些记录',
    '理论学习中心组学习一年至少要搞几次，有规定吗',
    '常委会每年听取几次专项工作报告',
    '代表联络站每月至少活动几次',
    '代表视察一般要提前几天通知',
    '一年开几次常委会会议有没有上限',
  ])('%s → ask', (text) => {
    expect(read(text)).toEqual({ intent: 'ask' });
  });

  it.each([
    '区人大常委会有多少个委员',
    '常委会有几个专门委员会',
    '上半年接待了多少名选民',
    '今年办理了多少件代表建议',
    '今年组织了多少人次代表参加视察',
    '上半年是否应当开展视察',
    '几名代表参加了视察',
    '今年共收到代表建议多少件',
    '人口一百六十万的区，人大代表总数有没有上限？',
    '常委会委员人数是多少',
  ])('%s → ask: people, bodies and items are not activities the log counts', (text) => {
    expect(read(text)).toEqual({ intent: 'ask' });
  });

  it.each([
    ['今年人代会开了几次', '人代会'],
    ['今年出差几次', '出差'],
    ['上半年去了几次乡镇', '乡镇'],
    ['今年到企业几次', '企业'],
  ])('%s → a count of every kind narrowed to %s, never every activity silently', (text, about) => {
    expect(read(text)).toMatchObject({ intent: 'count', kinds: [], about });
  });

  it.each([
    // The last column: asked yes or no, so the reply says 有/没有记录 first (`whether`); 'done' when
    // asked of what was done (开展了, 视察过), so plans alone are 还没有.
    ['5月份有没有活动', [], '2023-05-01', '2023-05-31', true],
    ['下周有活动吗', [], '2023-07-10', '2023-07-16', true],
    ['5月份有没有视察', ['inspection'], '2023-05-01', '2023-05-31', true],
    ['今年有没有组织代表视察', ['inspection'], '2023-01-01', '2023-12-31', true],
    ['一季度听取了哪些报告', ['report_review'], '2023-01-01', '2023-03-31', false],
    ['今年主任会议研究了什么', ['council_meeting'], '2023-01-01', '2023-12-31', false],
    ['上半年执法检查了哪些法律', ['law_check'], '2023-01-01', '2023-06-30', false],
    ['今年是否开展了执法检查', ['law_check'], '2023-01-01', '2023-12-31', 'done'],
  ])('%s → a list of the entries, with no subject read from its asking words', (text, kinds, from, to, whether) => {
    expect(read(text)).toEqual({ intent: 'list', kinds, from, to, ...(whether ? { whether: true } : {}), ...(whether === 'done' ? { done: true } : {}) });
  });

  it.each([
    ['上半年视察占全部活动的比例', ['inspection']],
    ['上半年视察调研占比多少', ['inspection', 'research']],
    // No kind: every kind, each with its share.
    ['上半年各类活动占比', []],
    ['上半年各类活动的比例是多少', []],
  ])('%s → a count with its share of the whole, no subject read from the share words', (text, kinds) => {
    expect(read(text)).toEqual({ intent: 'count', kinds, from: '2023-01-01', to: '2023-06-30', share: true });
  });

  it.each([
    ['最近视察了河道', '最近'],
    ['前阵子组织了调研', '前阵子'],
    ['最近视察了几次', '最近'],
  ])('%s → asks which day or stretch %s means, never today or all time', (text, words) => {
    expect(read(text)).toMatchObject({ intent: 'unclear', question: expect.stringContaining(`“${words}”`) });
  });

  it.each([
    ['今年有没有去学校视察', '学校'],
    ['今年组织代表到社区视察了几次', '社区'],
  ])('%s reads where they went (%s) as the subject', (text, about) => {
    expect(read(text)).toMatchObject({ about });
  });

  it.each(['今年一共开展了多少次活动', '今年总共多少次', '上半年统计一下', '3月份都干了啥', '本月都有什么安排', '上半年审议了几个报告'])(
    '%s reads no subject', (text) => {
      expect(read(text)).not.toHaveProperty('about');
    },
  );

  it.each([
    ['上半年视察了几次', ['inspection'], '2023-01-01', '2023-06-30'],
    ['今年以来执法检查和视察一共几次', ['inspection', 'law_check'], '2023-01-01', '2023-07-05'],
    ['帮我统计一下上半年视察调研的次数', ['inspection', 'research'], '2023-01-01', '2023-06-30'],
    ['培训班一共办了几期', ['training'], null, null],
  ])('%s → count', (text, kinds, from, to) => {
    expect(read(text)).toEqual({ intent: 'count', kinds, from, to });
  });
});

describe('count and list', () => {
  it('reads a question about a time of day as a question (机关食堂几点开饭), not an unplaceable message', () => {
    expect(read('机关食堂几点开饭').intent).toBe('ask');
    expect(read('今天下午3点召开了主任会议').intent).toBe('log');
  });

  it('reads 视察调研 and 视察和调研 as both kinds, sorted', () => {
    expect(read('列出今年上半年所有视察和调研')).toMatchObject({ intent: 'list', kinds: ['inspection', 'research'] });
    expect(read('上半年视察调研几次')).toMatchObject({ intent: 'count', kinds: ['inspection', 'research'] });
  });

  it('gives every kind ([]) when no activity word is named, and null ends when no period is', () => {
    expect(read('本周都有哪些活动')).toEqual({ intent: 'list', kinds: [], from: '2023-07-03', to: '2023-07-09' });
    expect(read('列一下党组会议')).toEqual({ intent: 'list', kinds: ['party_meeting'], from: null, to: null });
  });

  it('reads periods listed end to end as the one period they make, and otherwise the first', () => {
    expect(read('上半年和下半年一共视察了几次')).toMatchObject({ intent: 'count', from: '2023-01-01', to: '2023-12-31' });
    expect(read('列出3月、4月的调研')).toMatchObject({ intent: 'list', from: '2023-03-01', to: '2023-04-30' });
    // Gaps between them, or one inside the other: no single period, the first stands (chat counts each).
    expect(read('1月和3月调研了几次')).toMatchObject({ from: '2023-01-01', to: '2023-01-31' });
    expect(read('今年和上半年视察了几次')).toMatchObject({ from: '2023-01-01', to: '2023-12-31' });
  });

  it('asks which stretch 去年同期 means when no period of this year is named beside it', () => {
    expect(read('去年同期视察了几次')).toMatchObject({ intent: 'unclear', question: expect.stringContaining('去年的哪段时间') });
    expect(read('上半年视察了几次，比去年同期多几次')).toMatchObject({ intent: 'count', from: '2023-01-01', to: '2023-06-30' });
  });

  it('answers whether something happened in a period (上半年视察了学校吗) from the entries, not the documents', () => {
    expect(read('上半年视察了学校吗')).toMatchObject({ intent: 'list', kinds: ['inspection'], from: '2023-01-01', to: '2023-06-30' });
    expect(read('本月开过主任会议没有')).toMatchObject({ intent: 'list', kinds: ['council_meeting'] });
    expect(read('代表视察过的单位要反馈吗').intent).toBe('ask');
  });

  it('lists the entries for whether or where something was done (有没有视察过, 视察了哪些学校, 去了哪里)', () => {
    expect(read('今年有没有视察过养老院')).toMatchObject({ intent: 'list', kinds: ['inspection'], about: '养老院' });
    expect(read('今年视察了哪些学校')).toMatchObject({ intent: 'list', kinds: ['inspection'], about: '学校' });
    expect(read('今年的视察都去了哪里')).toMatchObject({ intent: 'list', kinds: ['inspection'] });
    // Which law, from the entries — not a work report's law of another year.
    for (const text of ['上半年执法检查的是哪部法律', '上半年执法检查了哪部法律']) {
      expect(read(text)).toMatchObject({ intent: 'list', kinds: ['law_check'], from: '2023-01-01', to: '2023-06-30' });
    }
    // Which departments' reports: every report, not entries titled 部门的报告.
    expect(read('今年听取了哪几个部门的报告')).toEqual({ intent: 'list', kinds: ['report_review'], from: '2023-01-01', to: '2023-12-31' });
    // Export words are not a subject to narrow to.
    const exported = read('6月份的活动导出excel');
    expect(exported).toMatchObject({ intent: 'list', kinds: [], from: '2023-06-01', to: '2023-06-30' });
    expect(exported).not.toHaveProperty('about');
  });

  it('acknowledges 今天没什么活动 without storing or searching, and lists the day for 今天没有活动吗', () => {
    for (const text of ['今天没什么活动', '这周没有安排', '今天没事']) {
      expect(read(text)).toMatchObject({ intent: 'unclear', question: expect.stringContaining('没有需要记录的活动'), settled: true });
    }
    // 吗 asks yes or no: the reply says 有/没有记录 first; 没有 asks of what was done (plans are no yes).
    expect(read('今天没有活动吗')).toEqual({ intent: 'list', kinds: [], from: '2023-07-05', to: '2023-07-05', whether: true, done: true });
    expect(read('今天没有活动？')).toEqual({ intent: 'list', kinds: [], from: '2023-07-05', to: '2023-07-05' });
    expect(read('没有活动记录怎么办')).toMatchObject({ intent: 'ask' });
  });

  it('counts all the log for 到目前为止 and 迄今 with no period, never narrowing to those words', () => {
    for (const text of ['到目前为止视察了几次', '迄今视察了几次', '截至目前视察了几次']) {
      expect(read(text)).toEqual({ intent: 'count', kinds: ['inspection'], from: null, to: null });
    }
    expect(read('今年至今视察了几次')).toMatchObject({ from: '2023-01-01', to: '2023-07-05' });
  });

  it('counts which month or kind had the most or fewest, and never mistakes a rule\'s 最多 or a 多少 for one', () => {
    expect(read('上半年哪个月活动最多')).toMatchObject({ intent: 'count', kinds: [], extreme: { by: 'month', most: true } });
    expect(read('今年哪类活动最少')).toMatchObject({ intent: 'count', extreme: { by: 'kind', most: false } });
    expect(read('上半年视察和调研哪个多')).toMatchObject({ intent: 'count', kinds: ['inspection', 'research'], extreme: { by: 'kind', most: true } });
    expect(read('上半年哪个月视察了多少次')).not.toHaveProperty('extreme');
    expect(read('代表每年最多可以提几件建议')).toMatchObject({ intent: 'ask' });
    expect(read('视察一年最多搞几次')).toMatchObject({ intent: 'ask' });
    // Asked with the month or kind last: 二季度活动最多的是哪个月 (was taken for a question on the rules).
    expect(read('二季度活动最多的是哪个月')).toMatchObject({ intent: 'count', from: '2023-04-01', to: '2023-06-30', extreme: { by: 'month', most: true } });
    expect(read('上半年开展最少的是哪类活动')).toMatchObject({ intent: 'count', extreme: { by: 'kind', most: false } });
    expect(read('代表最多可以连任几届')).toMatchObject({ intent: 'ask' });
  });

  it('counts every kind of meeting for 会议 or 开会 alone, never only 其他会议 nor every activity', () => {
    const meetings = ['council_meeting', 'meeting', 'party_meeting', 'session'];
    expect(read('上半年开了多少次会议')).toMatchObject({ intent: 'count', kinds: meetings });
    expect(read('今年开了几次会')).toMatchObject({ intent: 'count', kinds: meetings });
    expect(read('上个月开了哪些会')).toMatchObject({ intent: 'list', kinds: meetings, from: '2023-06-01', to: '2023-06-30' });
    expect(read('上周开了什么会')).toMatchObject({ intent: 'list', kinds: meetings });
    expect(read('上周三开会了吗')).toMatchObject({ intent: 'list', kinds: meetings, from: '2023-06-28', to: '2023-06-28' });
    expect(read('上半年开了几次座谈会')).toMatchObject({ kinds: ['meeting'] });
    expect(read('今年开了几次主任会议')).toMatchObject({ kinds: ['council_meeting'] });
  });

  it('asks about a holiday or other time word no rule reads, instead of counting the whole year', () => {
    for (const text of ['今年国庆期间视察了几次', '今年七一前后开展了哪些活动', '十一期间视察了几次']) {
      expect(read(text), text).toMatchObject({ intent: 'unclear', settled: true });
    }
    expect(read('十一月视察了几次')).toMatchObject({ intent: 'count', from: '2022-11-01' });
    // Stretches no rule reads are asked about, never counted over all time: 全年 alone, 下半月, 头两个月.
    for (const text of ['全年一共视察几次', '下半月调研了几次', '7月份上半月调研了几次', '头两个月执法检查了几次']) {
      expect(read(text), text).toMatchObject({ intent: 'unclear', settled: true });
    }
    expect(read('今年全年视察了几次')).toMatchObject({ intent: 'count', from: '2023-01-01', to: '2023-12-31' });
    // What is still to come runs from tomorrow; what remains undone (还有多少…没有) is not a date.
    expect(read('今年还要开几次常委会')).toMatchObject({ intent: 'count', kinds: ['session'], from: '2023-07-06', to: '2023-12-31' });
    expect(read('上半年还要视察几次')).toMatchObject({ from: '2023-01-01', to: '2023-06-30' });
    expect(read('今年还有几次执法检查')).toMatchObject({ intent: 'count', kinds: ['law_check'], from: '2023-07-06', to: '2023-12-31' });
    expect(read('今年还有多少代表建议没有办结')).not.toMatchObject({ from: '2023-07-06' });
    expect(read('今年视察了几次，还有几次是调研')).not.toMatchObject({ from: '2023-07-06' });
    expect(read('去年全年视察了几次')).toMatchObject({ intent: 'count', from: '2022-01-01', to: '2022-12-31' });
    // A time word in another clause is about something else, once the question has its own period.
    expect(read('上半年视察了几次，月底要报')).toMatchObject({ intent: 'count', from: '2023-01-01', to: '2023-06-30' });
    expect(read('视察了几次，元旦前要报')).toMatchObject({ intent: 'unclear' });
    // A period in a clause that does not ask is not the one counted, before or after the asking clause.
    expect(read('明天要向主任汇报，上半年视察了几次')).toMatchObject({ intent: 'count', from: '2023-01-01', to: '2023-06-30' });
    expect(read('今天开会的时候领导问了。上半年开展了几次调研？')).toMatchObject({ intent: 'count', from: '2023-01-01', to: '2023-06-30' });
    expect(read('截至今天，今年视察了几次')).toMatchObject({ intent: 'count', from: '2023-01-01', to: '2023-07-05' });
  });

  it('reads who logged the entries asked about (我上个月记了哪些, 小王今年记了几条), never who acted', () => {
    expect(read('我上个月记了哪些活动')).toMatchObject({ intent: 'list', by: '我', from: '2023-06-01' });
    expect(read('我记的视察有几条')).toMatchObject({ intent: 'count', kinds: ['inspection'], by: '我' });
    expect(read('小王今年记了几条')).toMatchObject({ intent: 'count', by: '小王' });
    for (const text of ['我们今年视察了几次', '上半年组织代表视察了几次']) expect(read(text)).not.toHaveProperty('by');
    expect(read('我记的视察有几条')).not.toHaveProperty('about');
  });

  it('asks the log for the latest entry (最近一次视察是什么时候, 上次开主任会议是哪天)', () => {
    expect(read('最近一次视察是什么时候')).toMatchObject({ intent: 'list', kinds: ['inspection'], latest: true });
    expect(read('上次开主任会议是哪天')).toMatchObject({ intent: 'list', kinds: ['council_meeting'], latest: true });
    expect(read('最近一次视察学校是什么时候')).toMatchObject({ latest: true, about: '学校' });
    expect(read('常委会会议上一次会议之后多久开下一次').intent).toBe('ask');
  });

  it('lists the entries for how activities went over a period (上半年代表活动开展情况), never asks which day to log', () => {
    expect(read('上半年代表活动开展情况')).toMatchObject({ intent: 'list', kinds: ['deputy_activity'], from: '2023-01-01' });
  });

  it('answers how to use the assistant itself from the help, not by doing it or searching the documents', () => {
    expect(read('怎么导出活动记录')).toEqual({ intent: 'help' });
    expect(read('怎么把上半年的视察导出成表格')).toEqual({ intent: 'help' });
    expect(read('代表履职活动怎么记录')).toEqual({ intent: 'ask' });
    // Procedures of the law are not the assistant's functions.
    expect(read('如何撤销区政府不适当的决定')).toEqual({ intent: 'ask' });
  });

  it.each([
    ['上半年视察了学校吗', '学校'],
    ['今年听取了几次区政府的报告', '区政府的报告'],
    ['上半年视察了几次安全生产', '安全生产'],
    ['上半年视察安全生产工作几次', '安全生产工作'],
    ['今年围绕乡村振兴开展了几次调研', '乡村振兴'],
    ['关于食品安全的执法检查有几次', '食品安全'],
    ['教育方面的视察有几次', '教育'],
    ['列出上半年关于学校的视察', '学校'],
    ['今年调研过养老服务没有', '养老服务'],
    ['今年一季度去过几次学校视察', '学校'],
  ])('reads the subject a count or list narrows to: %s → %s', (text, about) => {
    expect(read(text)).toMatchObject({ about });
  });

  it.each([
    '上半年组织代表视察了几次', // who acted
    '近半年代表建议办理了多少次', // a verb
    '第三季度听取审议了几个专项工作报告', // the kind's own nouns
    '老王问一下，咱们常委会今年以来一共听取审议了多少个专项工作报告？我这边要填个表',
    '今年以来视察工作开展了几次',
    '今年视察比去年多几次',
    '上半年调研同比增加了几次',
    '我们的视察有几次',
    '导出上半年的视察',
    '上半年视察了几次，分别是哪几次',
    '今年第一季度视察和调研分别几次',
    '去年视察和调研加起来多少次',
    '今年的调研活动列个表',
    '最近的培训列表',
    '有多少次走访是在上个月',
    '本月调研的内容有哪些',
  ])('reads no subject where none is named: %s', (text) => {
    const reading = read(text);
    expect(['count', 'list']).toContain(reading.intent);
    expect(reading).not.toHaveProperty('about');
  });

  it('tells a list of activities from a question about what the rules list', () => {
    expect(read('今年的执法检查有哪些').intent).toBe('list');
    expect(read('代表联络站的工作制度有哪些').intent).toBe('ask');
  });
});

describe('log', () => {
  it('reads 常委会主任会议 and 常委会党组会 as the committee\'s own meetings, not a 常委会会议', () => {
    expect(read('今天召开常委会主任会议')).toMatchObject({ intent: 'log', activity: { kind: 'council_meeting' } });
    expect(read('今天开常委会党组会议')).toMatchObject({ intent: 'log', activity: { kind: 'party_meeting' } });
    expect(read('今天召开常委会第十二次会议')).toMatchObject({ intent: 'log', activity: { kind: 'session' } });
    // 开了常委会 is the first activity word of the message, before the 审议 inside the session.
    expect(read('今天下午开了常委会，审议了两个报告')).toMatchObject({ intent: 'log', activity: { kind: 'session' } });
  });

  it('takes the first activity word when two appear, and the date wherever it stands', () => {
    expect(read('视察调研了区医院建设')).toMatchObject({ intent: 'log', activity: { kind: 'inspection' } });
    expect(read('专题调研了全区数字经济发展情况，时间是11月16日', '2023-11-30')).toMatchObject({
      intent: 'log', activity: { kind: 'research', date: '2023-11-16' },
    });
  });

  it('reads a day written as a clause of its own (6月13日，召开…) as the day of the activity after it', () => {
    const entries = (text: string) => {
      const r = read(text, '2023-07-05');
      return r.intent === 'log' ? r.activities.map((a) => [a.kind, a.date, a.title]) : r.intent;
    };
    expect(entries('6月12日，视察防汛；6月13日，召开主任会议')).toEqual([
      ['inspection', '2023-06-12', '视察防汛'], ['council_meeting', '2023-06-13', '召开主任会议'],
    ]);
    expect(entries('6月12日，区人大常委会视察防汛。6月13日，召开主任会议')).toEqual([
      ['inspection', '2023-06-12', '区人大常委会视察防汛'], ['council_meeting', '2023-06-13', '召开主任会议'],
    ]);
    // The same kind again on the next day may be the same activity on a second day: asked, not split.
    expect(entries('6月12日，组织代表视察防汛，6月13日，继续视察')).toBe('unclear');
  });

  it('gives each day of a 分别 message its own object, and keeps the whole words when they do not split', () => {
    const titles = (text: string) => {
      const r = read(text, '2023-07-05');
      return r.intent === 'log' ? r.activities.map((a) => [a.date, a.title]) : r.intent;
    };
    expect(titles('昨天和前天分别调研了养老服务和学前教育')).toEqual([
      ['2023-07-04', '调研了养老服务'], ['2023-07-03', '调研了学前教育'],
    ]);
    expect(titles('6月27日、29日分别听取了区法院和区检察院的工作报告')).toEqual([
      ['2023-06-27', '听取了区法院的工作报告'], ['2023-06-29', '听取了区检察院的工作报告'],
    ]);
    expect(titles('6月1日和6月3日分别对城东和城西的污水处理厂进行了视察')).toEqual([
      ['2023-06-01', '对城东的污水处理厂进行了视察'], ['2023-06-03', '对城西的污水处理厂进行了视察'],
    ]);
    // A joiner inside a word (和谐), or fewer objects than days: nothing is split by guess (分别 itself is no part of a title).
    expect(titles('昨天和前天分别调研了和谐社区建设和平安建设')).toEqual([
      ['2023-07-04', '调研了和谐社区建设和平安建设'], ['2023-07-03', '调研了和谐社区建设和平安建设'],
    ]);
    expect(titles('昨天和前天分别视察了安全生产工作')).toEqual([
      ['2023-07-04', '视察了安全生产工作'], ['2023-07-03', '视察了安全生产工作'],
    ]);
    // Where a date stood inside the words, they close up.
    expect(titles('主任会议今天开了')).toEqual([['2023-07-05', '主任会议开了']]);
  });

  it('reads a correction as a question when there is nothing to correct, never as an entry or a draft', () => {
    for (const text of ['昨天开展的执法检查改成前天', '刚才那条改成调研', '不对，是调研']) {
      expect(read(text)).toMatchObject({ intent: 'unclear', question: expect.stringContaining('要更正哪一条记录') });
    }
    expect(read('把上面的内容改成一段简报').intent).toBe('draft');
  });

  it('does not log an activity called off or put back, but keeps a matter about cancelling', () => {
    for (const text of ['6月12日视察取消了', '6月12日的视察推迟到6月15日', '昨天的调研没去成', '原定明天的视察改期了', '原定今天的视察改到下周三', '主任会议挪到周五开']) {
      expect(read(text)).toMatchObject({ intent: 'unclear', question: expect.stringContaining('取消或改期') });
    }
    expect(read('昨天召开座谈会研究取消部分行政审批事项')).toMatchObject({ intent: 'log', activity: { date: '2023-07-04' } });
    expect(read('今天召开主任会议，决定推迟常委会会议')).toMatchObject({ intent: 'log', activity: { kind: 'council_meeting' } });
    // Moved to another room, and held: an activity done.
    expect(read('今天把会议改到301会议室召开了')).toMatchObject({ intent: 'log', activity: { kind: 'meeting' } });
  });

  it('asks for the day of a deed reported over a period (6月视察了学校), not whether to count or list', () => {
    for (const text of ['6月视察了学校', '本周视察了两次学校', '6月中旬视察了学校']) {
      expect(read(text)).toMatchObject({ intent: 'unclear', question: expect.stringContaining('具体是哪一天') });
    }
  });

  it('is dated today when no date is named', () => {
    expect(read('组织机关全体干部集体学习新修改的代表法', '2025-02-28')).toMatchObject({
      activity: { kind: 'study', date: '2025-02-28' },
    });
  });

  it('files a past action with no activity word under other', () => {
    expect(read('1月12日组织机关干部到敬老院开展志愿服务', '2024-01-15')).toMatchObject({
      intent: 'log', activity: { kind: 'other', date: '2024-01-12' },
    });
    expect(read('/log 协助做好机关办公用房搬迁')).toMatchObject({ activity: { kind: 'other' } });
  });

  it('files receiving petitioners (信访, 来访群众) under other unless deputies receive them', () => {
    for (const text of ['今天信访接待了3批群众', '今天接待来访群众', '上午接待群众来访5人次']) {
      expect(read(text)).toMatchObject({ intent: 'log', activity: { kind: 'other' } });
    }
    for (const text of ['今天组织代表接待来访群众', '区人大代表在联络站接待来访群众', '今天接待了20余名来访选民']) {
      expect(read(text)).toMatchObject({ intent: 'log', activity: { kind: 'deputy_activity' } });
    }
  });

  it('cleans the title: no date words, no filler, no command', () => {
    const title = (text: string, now = '2024-01-15'): string => {
      const r = readMessage(text, now, taxonomy);
      return r.intent === 'log' ? r.activity.title : `(${r.intent})`;
    };
    expect(title('上周一的主任会议记一下')).toBe('主任会议');
    expect(title('今天上午参加全区安全生产推进会')).toBe('参加全区安全生产推进会');
    expect(title('/log 11.24 调研 社区养老服务')).toBe('调研 社区养老服务');
    expect(title('专题调研了全区数字经济发展情况，时间是11月16日')).toBe('专题调研了全区数字经济发展情况');
    expect(title('记一下：昨天走访了辖区企业')).toBe('走访了辖区企业');
    // Thanks said to the bot are not what was done; thanks that were part of it stay.
    expect(title('今天组织代表视察了安全生产工作。记下来，谢谢！')).toBe('组织代表视察了安全生产工作');
    expect(title('今天组织代表视察了安全生产工作，辛苦了')).toBe('组织代表视察了安全生产工作');
    expect(title('今天召开座谈会向代表表示感谢')).toBe('召开座谈会向代表表示感谢');
    expect(title('6月12日，视察城区防汛准备工作。')).toBe('视察城区防汛准备工作');
  });

  it('asks what was done when a message to log names nothing done, instead of storing an empty 其他', () => {
    for (const text of ['帮我记一下', '刚才在群里说的那个活动记一下', '记一下，今天的活动', '/log 今天']) {
      const r = read(text);
      expect(r.intent, text).toBe('unclear');
      expect(r.intent === 'unclear' && r.question, text).toMatch(/哪项活动|要记录什么活动/);
    }
    // A reference beside what was done is still what was done.
    expect(read('刚才说的那个视察记一下：今天视察了城区学校')).toMatchObject({ intent: 'log', activity: { kind: 'inspection' } });
  });

  it('asks for the day when it is named in months or years back (两个月前), and logs days and weeks back', () => {
    const rough = read('两个月前组织代表视察了安全生产工作', '2026-12-01');
    expect(rough.intent).toBe('unclear');
    expect(rough.intent === 'unclear' && rough.question).toContain('10月1日');
    expect(read('半年前走访了辖区企业', '2026-12-01').intent).toBe('unclear');
    // A year back: the example carries its year, or it would read as this year's date.
    const yearBack = read('一年前走访了辖区企业', '2026-12-01');
    expect(yearBack.intent === 'unclear' && yearBack.question).toContain('2025年12月1日');
    expect(read('3天前调研了养老服务', '2026-12-01')).toMatchObject({ intent: 'log', activity: { date: '2026-11-28' } });
  });

  it('asks back about a date that does not exist instead of logging it', () => {
    const r = read('2月30日视察城区学校');
    expect(r.intent).toBe('unclear');
    expect(r.intent === 'unclear' && r.question).toContain('2月30日');
  });

  it('says a 2月29日 outside a leap year is missing because the year is not a leap year', () => {
    const thisYear = read('2月29日视察了河道');
    expect(thisYear).toMatchObject({ intent: 'unclear', settled: true });
    expect(thisYear.intent === 'unclear' && thisYear.question).toContain('今年不是闰年，没有2月29日');
    const written = read('2023年2月29日召开了主任会议', '2024-03-05');
    expect(written.intent === 'unclear' && written.question).toContain('2023年不是闰年');
    // In a leap year the day exists and is logged.
    expect(read('2月29日视察了河道', '2024-03-05')).toMatchObject({ intent: 'log', activity: { date: '2024-02-29' } });
  });
});

describe('slash commands force the intent', () => {
  it.each([
    ['/log 视察 农村饮水安全工程', 'log inspection 2023-07-05'],
    ['/stats 上半年 视察', 'count inspection 2023-01-01 2023-06-30'],
    ['/list', 'list - null null'],
    ['/ask 视察', 'ask'],
    ['/draft 上半年', 'draft'],
    ['/undo', 'undo'],
    ['/help', 'help'],
    ['/lvzhi stats 今年 调研', 'count research 2023-01-01 2023-12-31'],
    ['/log@lvzhi_bot 昨天 党组会议', 'log party_meeting 2023-07-04'],
  ])('%s → %s', (text, want) => {
    expect(meaning(read(text))).toBe(want);
  });

  it('asks what to log for an empty /log, and names the commands for an unknown one', () => {
    const empty = read('/log');
    expect(empty.intent === 'unclear' && empty.question).toMatch(/例如/);
    const unknown = read('/foo bar');
    expect(unknown.intent === 'unclear' && unknown.question).toContain('/foo');
  });
});

describe('messages the rules cannot place get a Chinese question with an example', () => {
  it.each(['好的', '嗯', '123', '', '   ', '上半年', '视察', '收到'])('%j', (text) => {
    const r = read(text);
    expect(r.intent).toBe('unclear');
    if (r.intent === 'unclear') expect(r.question).toMatch(/例如/);
  });

  it('offers the period it saw back in the question', () => {
    const r = read('下半年');
    expect(r.intent === 'unclear' && r.question).toContain('下半年');
  });
});

describe('undo, help, draft', () => {
  it.each(['撤销', '撤回上一条', '删掉刚才那条', '刚才那条记错了，删掉', '删除刚才的记录'])('%s → undo', (text) => {
    expect(read(text).intent).toBe('undo');
  });

  it('does not read a procedure question about 撤销 as undo', () => {
    expect(read('撤销代表资格需要什么程序').intent).toBe('ask');
  });

  it.each(['帮助', '你能做什么', '怎么用'])('%s → help', (text) => {
    expect(read(text).intent).toBe('help');
  });

  it('tells a request to write from a question about how such a text is written', () => {
    expect(read('帮忙写个视察报告的开头，主题是优化营商环境').intent).toBe('draft');
    expect(read('写一段食品安全法执法检查报告的结尾').intent).toBe('draft');
    expect(read('调研报告一般用什么格式写').intent).toBe('ask');
  });
});

describe('the taxonomy is data: a synonym added to kinds.json changes the reading', () => {
  it('reads a new word once the office adds it', () => {
    const custom = new Taxonomy([
      ...taxonomy.kinds.filter((k) => k.id !== 'visit'),
      { id: 'visit', label: '走访', synonyms: ['走访', '登门拜访'] },
    ]);
    // Without the word there is no activity and no deed the rules know: asked back, not stored.
    expect(readMessage('昨天登门拜访老代表', '2023-07-05', taxonomy)).toMatchObject({ intent: 'unclear' });
    expect(readMessage('昨天登门拜访老代表', '2023-07-05', custom)).toMatchObject({
      activity: { kind: 'visit', date: '2023-07-04' },
    });
  });
});

describe('RuleReader implements MessageReader', () => {
  it('resolves to the same reading as readMessage', async () => {
    const reader = new RuleReader(taxonomy);
    await expect(reader.read('近30天有多少次视察', '2023-07-05')).resolves.toEqual({
      intent: 'count', kinds: ['inspection'], from: '2023-06-06', to: '2023-07-05',
    });
  });
});

describe('a table of phrasings written for these tests', () => {
  const table = readFileSync(new URL('../fixtures/messages/reader-phrasings.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.split(' | ').map((part) => part.trim()));

  it.each(table)('(%s) %s → %s', (now, text, want) => {
    expect(meaning(readMessage(text, now, taxonomy))).toBe(want);
  });
});
