/**
 * A message read as log entries: one per activity it reports (6月12日视察…，6月15日听取…),
 * each with its own day, kind and title. A day that cannot be read, or only a period where a
 * day is needed (上周, 11月底), is asked about — an entry is never filed on today by default.
 */
import type { Taxonomy } from './kinds.ts';
import type { PeriodMatch } from '../time/index.ts';
import type { Prepared } from './prepare.ts';
import type { KindMention } from './lexicon.ts';
import * as cue from './cues.ts';
import { readerMessages as say } from './messages.ts';
import { TIME_WORD, addDays, daysBetween, mondayOf } from '../time/index.ts';
import type { IsoDate } from '../time/index.ts';
import type { ReadActivity, Reading } from './types.ts';
import { eachTitles } from './each-titles.ts';
import { lastingOf, openingDay, spanOf, withoutLasting } from './duration.ts';
import { joinedKinds } from './joined-kinds.ts';
import { deedMention, isPaperwork } from './paperwork.ts';
import { ITEM_START, withoutItemNumber } from './listed-items.ts';
import { partsOf, type Part } from './log-parts.ts';

/** Said of a range of days: the activity took place on each of them (每天都, 每日, 天天). */
const EACH_DAY = /(?:每天|每日|天天|逐日)都?/;
/** At most this many daily entries from one message; a longer run is asked about. */
const MAX_DAILY = 14;

/** Between a day and the far end of its range (至, 到, -, ~). */
const RANGE_GAP = /^\s*(?:至|到|-|—|－|~|～)\s*$/;
/** A clause that continues the day before (下午…, 随后…): the day is inherited. */
const SAME_DAY = new RegExp(`^\\s*(?:\\d+[.、)]\\s*)?(?:${TIME_WORD}|随后|随即|紧接着|然后|接着|之后|另外|此外|当天|当日|同日|同一天|同一日|同天)`);
/** Past and future markers, which settle a bare weekday (周一开了会 / 周一要开会). */
const PAST = /(?<!为)了(?!解)|过(?!程|去)|已经?|完成/;
const FUTURE = /要|将|准备|计划|拟|打算/;
/** A deed still to come (还要开一次党组会, 准备召开主任会议, 拟赴…调研): a plan, not something done today. */
const PLANNED =
  /(?:还要|将要|(?<![主重需纪只概提摘必首])要|将|准备|计划|拟|打算)\s*(?:于\s*)?(?:再)?(?:开|召开|组织|开展|举行|举办|进行|去|到|赴|前往|视察|调研|走访|学习|培训|听取|审议|督办|接待|考察|搞)/;
/** A day named as a weekday of a named week (上周三, 本周五). */
const WEEKDAY_END = /(?:周|星期|礼拜)\s*[一二三四五六日天1-7]$/;
/** Several days with one deed, each its own activity: 分别, 各. */
const EACH = /分别|各(?:开展|组织|召开|进行|视察|调研)/;

/** A period that is what was discussed (研究部署第四季度重点工作), not when the activity took place. */
const TOPIC_BEFORE = /(?:研究|部署|谋划|总结|安排|审议|听取|通报|汇报|关于|讨论|学习|推进)[^，,。；;]{0,8}$/;
// 计划/安排 before a deed are verbs (下个月计划开展督办: a plan for next month, whose day is to be asked).
const TOPIC_AFTER = /^\s*(?:期间|前后)?\s*(?:的)?\s*(?:重点|主要|各项|有关|相关|全年)?\s*(?:工作|任务|(?:计划|安排)(?!\s*(?:开展|组织|召开|举行|举办|进行|去|到|赴|前往|对|在|于|视察|调研|走访|学习|培训|听取|审议|检查|督办|接待|考察|开|搞))|要点|情况|预算|决算|报告|事项|目标)/;

/** Whether time words are what was discussed (研究部署第四季度重点工作) rather than when it took place. */
export function isTopic(text: string, start: number, end: number): boolean {
  return TOPIC_BEFORE.test(text.slice(0, start)) || TOPIC_AFTER.test(text.slice(end));
}

/**
 * The kind an activity word gives an entry. 常委会 alone (no activity word in the message) is a
 * session only when it is held or attended (召开常委会, 常委会开会) or stands alone after its day (26号 常委会); 常委会昨天开展了满意度测评
 * is the committee doing something else.
 */
function kindOf(p: Prepared, mention: KindMention | undefined): string {
  const m = mention ?? p.mentions[0];
  // 起草了常委会工作报告: the paperwork about an activity is no activity of that kind.
  if (!m || isPaperwork(p, m)) return 'other';
  if (/^(?:人大)?常委会$/.test(m.words)
    && !/(?:开|召开|举行|参加|列席|出席)\s*了?\s*(?:区|市|县)?(?:人大)?$/.test(p.text.slice(0, m.start))
    && !/^\s*(?:会议|开会|召开|举行|开了|在)/.test(p.text.slice(m.end))
    // 2月26日 常委会: the word alone after its day names the session, as 3.3 党组会 names that meeting.
    && !/^[\s\p{P}]*$/u.test(p.blank.slice(0, m.start) + p.blank.slice(m.end))) return 'other';
  return m.kind;
}

const EDGE_PUNCTUATION = /^[\s，,。.、:：;；!！~\-—的]+|[\s，,。.、:：;；!！~\-—]+$/g;

/** Thanks closing a message (谢谢, 辛苦了), with the punctuation around them. */
const COURTESY_END = /[\s，,。；;！!~～]*(?:谢谢|多谢|感谢(?:你|您)|辛苦(?:了|啦|你了|您了))(?:你|您|了|啦|哈|啊|！|!|~|～|\s)*[。！!~～]*\s*$/;

/** Marks where a date was taken out of a title, until the words around it are joined. */
const DATE_GAP = '\u0001';

/** The title of one activity: its words without their dates, filler, numbering and "then". */
function titleOf(p: Prepared, part: Part, days: readonly PeriodMatch[], label: string): string {
  let title = '';
  let at = part.start;
  for (const d of days) {
    title += p.original.slice(at, d.start) + DATE_GAP;
    at = d.end;
    const tail = cue.TIME_OF_DAY.exec(p.original.slice(at, part.end));
    if (tail) at += tail[0].length;
  }
  title += p.original.slice(at, part.end);
  title = title
    // Where a date stood inside the words (主任会议今天开了), they close up: 主任会议开了.
    .replace(new RegExp(`(?<=[\u4e00-\u9fff])(?<![和及与至到])${DATE_GAP}+(?![和及与至到])(?=[\u4e00-\u9fff])`, 'g'), '')
    .replaceAll(DATE_GAP, ' ')
    .replace(cue.LOG_FILLER, ' ')
    // 记下来，谢谢！: thanks at the end are said to the bot, not part of what was done.
    .replace(COURTESY_END, '')
    // 当日下午还开了…: every opening word of the day, and the 还/又 after them.
    .replace(new RegExp(`^\\s*(?:\\d+[.、)]\\s*)?(?:(?:${TIME_WORD}|随后|随即|紧接着|然后|接着|之后|另外|此外|当天|当日|同日|同一天|同一日|同天)\\s*)+(?:还|又|也)?`), '')
    .replace(/^\s*(?:和|及|与|以及|、)\s*/, '')
    .replace(/\s+(?:和|及|与|以及|、)\s+/g, ' ')
    .replace(/[（(]\s*[)）]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\s*([，,。；;])\s*/g, '$1')
    .replace(/([，,。；;])[，,。；;]+/g, '$1')
    .replace(EDGE_PUNCTUATION, '')
    .replace(/(?<=.)(?:闭幕|结束|散会)后$/, ''); // 常委会会议闭幕后 (接着召开了…): the close is the next one's cue
  return withoutItemNumber(title) || label;
}

/**
 * Words that point at something said elsewhere (刚才群里说的那个) or say nothing by themselves
 * (一下, 事情): a title made of only these records no activity, so the person is asked.
 */
const NO_CONTENT = /刚才|刚刚|之前|上面|前面|上述|群里|聊天里|说的|提到的|讲的|发的|那个|这个|那项|这项|那件|这件|那次|这次|那些|这些|活动|事情|事项|内容|情况|一下|帮我|请|记录|登记|记|的|了|过|在|一|件|项|个|其他/g;

/** Whether a title names anything done (not just 其他, or 刚才说的那个活动). */
function saysWhat(title: string): boolean {
  return title.replace(NO_CONTENT, '').replace(/[\s\p{P}]+/gu, '').length > 0;
}

/** A day named as months or years from today (3个月前, 半年前, 一年后). */
const ROUGH_DAY = /(?:个月|年)\s*(?:之|以)?\s*[前后]$/;

/** The day a logged activity is on: a weekday by its tense, a date without a year by the nearest. */
function dayOf(d: PeriodMatch, text: string, now: IsoDate): { date: IsoDate; to?: IsoDate; earlier?: IsoDate } {
  const r = d.readings;
  if (!r) return d.from === d.to ? { date: d.from } : { date: d.from, to: d.to };
  let chosen = r.nearest;
  if (d.partial?.weekday !== undefined && PAST.test(text)) chosen = r.past;
  else if (d.partial?.weekday !== undefined && FUTURE.test(text)) chosen = r.upcoming;
  const date = chosen.from;
  const to = chosen.to !== chosen.from ? { to: chosen.to } : {};
  return date > now && r.past.from < date ? { date, ...to, earlier: r.past.from } : { date, ...to };
}

/** Read the message as one or more log entries, or ask about a day it cannot place. */
export function logEntries(p: Prepared, now: IsoDate, taxonomy: Taxonomy): Reading {
  if (p.impossible.length > 0) return { intent: 'unclear', question: say.impossibleDate(p.impossible[0]), settled: true };
  const activities: ReadActivity[] = [];
  let previous: IsoDate | undefined;
  const parts = partsOf(p);
  for (const [n, part] of parts.entries()) {
    const inPart = (x: { start: number }) => x.start >= part.start && x.start < part.end;
    const days = p.periods.filter((d) => d.day && inPart(d));
    const own = days.find((d) => !d.timeOnly);
    const span = p.periods.find((d) => !d.day && inPart(d) && !isTopic(p.text, d.start, d.end));
    const words = p.text.slice(part.start, part.end);
    const owns = days.filter((d) => !d.timeOnly);
    if (owns.length > 1 && new Set(owns.map((d) => d.from)).size > 1) {
      // 前天和昨天连续两天…: one activity over days that follow one another, as many as it says.
      // In either order: 昨天和前天连续两天 is the same two days.
      const dates = owns.map((d) => dayOf(d, words, now).date).sort();
      const first = dates[0];
      const over = lastingOf(words, p.text.slice(owns[owns.length - 1].end, part.end));
      const following = dates.every((date, i) => date === addDays(first, i));
      if (over && !EACH.test(words) && following && over.days === owns.length) {
        const kind = kindOf(p, deedMention(p, inPart));
        activities.push({ kind, date: first, to: addDays(first, owns.length - 1), title: withoutLasting(titleOf(p, part, days, taxonomy.label(kind)), over) });
        previous = first;
        continue;
      }
      // 上周三和上周五分别视察了…: one activity on each day; without 分别 it may be one over two days.
      if (!EACH.test(words)) return { intent: 'unclear', question: say.oneOrSeveral(owns.map((d) => d.words).join('、')), settled: true };
      const dated = owns.map((d) => dayOf(d, words, now));
      // 上周一、周三、周五: a bare weekday after a day with its week is a day of that week.
      const anchored = owns.map((d) => d.partial?.weekday === undefined && WEEKDAY_END.test(d.words));
      for (let i = 1; i < owns.length; i++) {
        const weekday = owns[i].partial?.weekday;
        if (weekday === undefined || !anchored[i - 1]) continue;
        const date = addDays(mondayOf(dated[i - 1].date), weekday - 1);
        // 上周五和周一: going back within that week is not what a list says; the person is asked.
        if (date <= dated[i - 1].date) continue;
        dated[i] = { date };
        anchored[i] = true;
      }
      const bare = owns.filter((d, i) => d.partial?.weekday !== undefined && !anchored[i]);
      // 周一、周三、周五分别… said on a Wednesday: the bare weekdays land in different weeks.
      if (bare.length > 0 && new Set(dated.map((d) => mondayOf(d.date))).size > 1 && owns.every((d, i) => d.partial?.weekday !== undefined || anchored[i])) {
        return { intent: 'unclear', question: say.whichWeek(owns.map((d) => d.words).join('、'), bare[0].words), settled: true };
      }
      const mention = deedMention(p, inPart);
      const kind = kindOf(p, mention);
      const title = titleOf(p, part, days, taxonomy.label(kind));
      const titles = eachTitles(title, mention?.words ?? '', owns.length);
      // 本周一、周二分别召开了主任会议和党组会议: each day its own kind, in order.
      const joined = joinedKinds(title, p.mentions.filter((m) => inPart(m) && !isPaperwork(p, m)));
      if (joined && joined.length !== dated.length) {
        return { intent: 'unclear', question: say.daysAndKinds(owns.map((d) => d.words).join('、'), joined.map((j) => taxonomy.label(j.kind)).join('、')), settled: true };
      }
      for (const [i, day] of dated.entries()) {
        // Not split by object (昨天和前天分别视察了安全生产工作): each day's title without its 分别.
        activities.push({ kind: joined?.[i].kind ?? kind, title: joined?.[i].title ?? titles?.[i] ?? title.replace(/^分别\s*(?=.)/, ''), ...day });
        previous = day.date;
      }
      continue;
    }
    let when: { date: IsoDate; to?: IsoDate; earlier?: IsoDate } | undefined;
    // 两个月前, 半年前: a day counted in months or years back is a rough time, not the day it was.
    if (own && ROUGH_DAY.test(own.words)) return { intent: 'unclear', question: say.roughDay(own.words, own.from, now), settled: true };
    // 6月12日前组织…, 6月12日左右…: the day with a vague word after it is not that day; ask.
    // 6月12日到月底…: a range whose far end no rule reads is not the one day either.
    const blurred = own && p.unreadable.find((u) => (u.length > own.words.length && u.startsWith(own.words))
      || RANGE_GAP.test(p.text.slice(own.end, p.text.indexOf(u, own.end))));
    if (blurred) return { intent: 'unclear', question: say.unreadableDate(blurred), settled: true };
    const lasting = lastingOf(words);
    // A length only leaves the title when the entry's days carry it.
    const spans = Boolean(lasting) && !(previous && !own && n > 0);
    let titled = days;
    if (lasting && spans) {
      // 为期三天: the entry spans the days, once the message says which end the named day is.
      const opened = own ? undefined : openingDay(span, now);
      if (opened && span) titled = [...days, span].sort((a, b) => a.start - b.start);
      const named = own ?? opened;
      const day = named && { ...dayOf(named, words, now), after: own ? p.text.slice(own.end, part.end) : '起' };
      const spanned = spanOf(lasting, words, day);
      if ('ask' in spanned) {
        if (spanned.ask === 'which-end' && own && day) {
          // The one activity of the message, read both ways, for the person to pick from.
          const kind = kindOf(p, deedMention(p, inPart));
          const title = withoutLasting(titleOf(p, part, days, taxonomy.label(kind)));
          const ends = parts.length === 1 && saysWhat(title) ? { ends: {
            first: { kind, title, date: day.date, to: addDays(day.date, lasting.days - 1) },
            last: { kind, title, date: addDays(day.date, 1 - lasting.days), to: day.date },
          } } : {};
          return { intent: 'unclear', question: say.lastingWhichEnd(lasting.words, own.words), settled: true, ...ends };
        }
        return { intent: 'unclear', question: spanned.ask === 'mismatch' ? say.lastingMismatch(lasting.words) : say.lastingNoDay(lasting.words), settled: true };
      }
      when = spanned;
    } else if (own) when = dayOf(own, words, now);
    else if (previous && (n > 0 && (days.length > 0 || SAME_DAY.test(words) || ITEM_START.test(words)))) when = { date: previous };
    else if (span) return { intent: 'unclear', question: say.whichDay(span.words), settled: true };
    else {
      const vague = p.unreadable.find((u) => {
        const at = p.text.indexOf(u, part.start);
        return at >= 0 && at < part.end && !isTopic(p.text, at, at + u.length);
      });
      if (vague) return { intent: 'unclear', question: say.unreadableDate(vague), settled: true };
      // Several activities and this one alone without a day: which day is the person's to say —
      // unless no activity has one (上午召开党组会议，下午组织学习): then all are today, as one would be.
      if (parts.length > 1 && p.periods.some((d) => d.day && !d.timeOnly)) return { intent: 'unclear', question: say.whichDayFor(words.replace(EDGE_PUNCTUATION, '')), settled: true };
      // 还要开一次党组会 with no day at all: when the plan is for is the person's to say.
      if (days.length === 0 && PLANNED.test(words)) return { intent: 'unclear', question: say.plannedNoDay, settled: true };
      when = { date: days[0]?.from ?? now };
    }
    previous = when.date;
    const kind = kindOf(p, deedMention(p, inPart));
    const written = titleOf(p, part, titled, taxonomy.label(kind));
    const title = spans ? withoutLasting(written) : written;
    if (!saysWhat(title)) return { intent: 'unclear', question: say.whatActivity, settled: true };
    // 上周一到周三每天都组织了代表接待: one entry a day, not one activity lasting three days.
    if (when.to && EACH_DAY.test(words)) {
      const days = daysBetween(when.date, when.to) + 1;
      if (days > MAX_DAILY) return { intent: 'unclear', question: say.dailyTooLong(days), settled: true };
      const one = title.replace(EACH_DAY, '');
      for (let i = 0; i < days; i++) activities.push({ kind, title: one, date: addDays(when.date, i) });
      continue;
    }
    // 今天开了党组会和主任会: one entry per kind listed.
    for (const one of joinedKinds(title, p.mentions.filter((m) => inPart(m) && !isPaperwork(p, m))) ?? [{ kind, title }]) {
      activities.push({ ...one, date: when.date, ...(when.to ? { to: when.to } : {}), ...(when.earlier ? { earlier: when.earlier } : {}) });
    }
  }
  return { intent: 'log', activities, activity: activities[0] };
}
