/**
 * A micro-benchmark of the rule reader, for `npm run bench` and the README: how many chat
 * messages a second the rules read, on a mix of every intent and date form. The messages are
 * its own, none taken from the evaluation sets in ../shared/eval.
 */
import { performance } from 'node:perf_hooks';
import { loadTaxonomy, readMessage, type Taxonomy } from '../src/reader/index.ts';

/** A varied mix: logs, counts, lists, questions, drafts, commands, noise. */
const SAMPLE: readonly string[] = [
  '今天组织代表视察了安全生产工作',
  '6月12日 视察城区防汛准备工作',
  '2024年10月30日召开常委会第22次会议，表决通过了两项决议',
  '上周二上午开了党组会，传达学习上级会议精神',
  '前天审议了区政府关于城市更新工作情况的专项报告',
  '/log 9.18 走访 老旧小区加装电梯',
  '上半年视察了几次',
  '今年以来调研和走访加起来有多少次',
  '最近三个月开了几次主任会议',
  '2021年第四季度执法检查了几次',
  '把上周的视察活动列出来',
  '这个月到目前有些什么活动',
  '过去两周的学习活动列一下',
  '视察的时候代表能不能当场处理问题',
  '常委会组成人员请假要走什么程序',
  '代表建议的办理时限是多长',
  '写一段三季度代表工作的小结',
  '起草一段在视察座谈会上的发言',
  '撤回上一条',
  '你能做什么',
  '好的',
  '小李帮我查一下，今年到现在我们一共搞了多少次专题调研？领导等着要',
  '6月12日视察了城区防汛工作，6月15日听取了区法院关于执行工作的报告，6月20日到XX街道调研基层治理',
  '上個禮拜三開展了代表接待選民活動',
  '二零二六年十一月廿六日召开主任会议',
  '下下周一组织代表培训',
  '今年三季度到现在视察了几次',
  '2016年9月3号-2017年10月24号开展了执法检查',
  '半年来，常委会先后组织视察4次、专题调研3次',
  '13月5日组织代表视察了学校食堂',
];

/** What one run measured (wall clock and CPU time). */
export interface ReaderBenchmark {
  readonly messages: number;
  readonly seconds: number;
  readonly messagesPerSecond: number;
  /** Messages per second of this process's own CPU time (steady when the machine is busy). */
  readonly cpuMessagesPerSecond: number;
}

/** Read `messages` messages (default 20,000) with the rules and time it; a short warm-up first. */
export function benchmarkReader(messages = 20_000, taxonomy: Taxonomy = loadTaxonomy()): ReaderBenchmark {
  const days = ['2023-07-05', '2024-01-15', '2024-03-31', '2025-02-28'];
  for (let i = 0; i < 500; i++) readMessage(SAMPLE[i % SAMPLE.length], days[i % days.length], taxonomy);
  const start = performance.now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < messages; i++) readMessage(SAMPLE[i % SAMPLE.length], days[i % days.length], taxonomy);
  const used = process.cpuUsage(cpu);
  const seconds = (performance.now() - start) / 1000;
  const cpuSeconds = (used.user + used.system) / 1e6;
  return {
    messages,
    seconds: Math.round(seconds * 1000) / 1000,
    messagesPerSecond: Math.round(messages / seconds),
    cpuMessagesPerSecond: Math.round(messages / cpuSeconds),
  };
}
