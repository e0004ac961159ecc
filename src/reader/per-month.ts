/**
 * A count broken down by month or quarter (上半年每个月的活动, 每月视察几次, 画个图看看各月的活动):
 * 每个月 asks for a figure per month, which only a count gives — read as a list, such a
 * message listed the whole half-year's entries; with no count word it had been asked back as
 * "count or list?", and with no period at all it went to the documents (没有找到). With no period,
 * which months is asked: never a year taken silently.
 */
import type { Taxonomy } from './kinds.ts';
import * as cue from './cues.ts';
import { readerMessages as say } from './messages.ts';
import { marked, query } from './period-query.ts';
import type { Prepared } from './prepare.ts';
import type { Reading } from './types.ts';

/** Words of what is required or usual: with no period, the rules are asked. */
const RULE_WORDS = /要|应|需|得|必须|一般|通常|规定|要求|至少|最少|原则上/;
/** Activities at large, when no kind is named: 活动, 工作, 会, and what is planned (安排, 计划). */
const ACTIVITIES = /活动|工作|会议?|记录|安排|计划/;

/** The monthly (quarterly) count a message asks for, or undefined when it asks no such thing. */
export function perMonthAsked(p: Prepared, taxonomy: Taxonomy): Reading | undefined {
  const { blank, mentions, periods } = p;
  const part = cue.PER_PART.exec(blank);
  if (!part) return undefined;
  if (mentions.length === 0 && !ACTIVITIES.test(blank)) return undefined;
  // 每个月要开几次常委会: what the rules require (每个月 itself reads as a rule's rhythm: set aside
  // here); 列出每个月的视察: the entries, listed.
  const besides = blank.replace(cue.PER_PART, (m) => ' '.repeat(m.length));
  if (cue.NORMATIVE.test(besides) || cue.LIST.test(blank)) return undefined;
  const chart = cue.CHART.test(blank);
  if (!periods.some((x) => !x.timeOnly && !x.day)) {
    // 主任会议每个月开几次, 一般每月视察几次: the rhythm the rules set, for the documents. Only a
    // picture asked for, or activities at large (每个月的活动), want the log's figures.
    if (RULE_WORDS.test(besides) || !(chart || (mentions.length === 0 && /活动/.test(blank)))) return undefined;
    const what = mentions.length > 0 ? taxonomy.label(mentions[0].kind) : '活动';
    return { intent: 'unclear', question: say.perPartPeriod(part[0], what, chart), settled: true };
  }
  const counted = query('count', p, taxonomy);
  return chart && counted.intent === 'count' ? marked(counted, { chart: true }) : counted;
}
