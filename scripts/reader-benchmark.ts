/**
 * A micro-benchmark of the rule reader, for `npm run bench` and the README: how many chat
 * messages a second the rules read, on a mix of every intent and date form.
 */
import { performance } from 'node:perf_hooks';
import { loadTaxonomy, readMessage, type Taxonomy } from '../src/reader/index.ts';

/** A varied mix: logs, counts, lists, questions, drafts, commands, noise. */
const SAMPLE: readonly string[] = [
  '今天组织代表视察了安全生产工作',
  '6月12日 视察城区防汛准备工作',
  '2023年12月28日召开常委会第16次会议，审议通过了年度计划',
  '上周五下午党组会议，研究年度重点工作',
  '昨天听取了区政府关于优化营商环境工作的专项工作报告并进行审议',
  '/log 11.24 调研 社区养老服务',
  '上半年视察了几次',
  '今年以来执法检查和视察一共几次',
  '近半年代表建议办理了多少次',
  '2022年下半年视察了几次',
  '列出上个月的调研活动',
  '本周都有哪些活动',
  '近30天的走访活动都列一下',
  '视察的时候代表能不能当场处理问题',
  '理论学习中心组学习一年至少要搞几次，有规定吗',
  '执法检查报告要包括哪些内容',
  '帮我写一段上半年监督工作的总结',
  '起草一段执法检查动员会上的讲话',
  '撤回上一条',
  '你能做什么',
  '好的',
  '老王问一下，咱们常委会今年以来一共听取审议了多少个专项工作报告？我这边要填个表',
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
