/**
 * How a field of work or an activity went over a period (今年代表工作怎么样, 上半年监督工作开展得如何,
 * 今年视察工作情况怎样): the log cannot judge, but it holds what was done — a field's kinds are
 * counted, each with its own figure; one kind's entries are listed. Sent to the documents instead,
 * such a question finds nothing (没有找到) or a rule that answers something else.
 */
import type { Taxonomy } from './kinds.ts';
import * as cue from './cues.ts';
import { blankOut, type Prepared } from './prepare.ts';
import { query } from './period-query.ts';
import { fieldKinds, FIELD_WORDS } from './unlogged-asks.ts';
import type { Reading } from './types.ts';

/** The asking end: (开展得|做得)怎么样, 如何, 进展怎样; for a field, (开展|落实)情况 too. */
const HOW_WENT = /(?:开展|进行|落实|推进|做|干|搞)?(?:得|的)?(?:情况|进展)?(?:怎么样|怎样|如何|咋样)\s*[?？。]?\s*$|(?:进展|(?:开展|进行|落实|推进)(?:的)?情况)\s*[?？。]?\s*$/;
/** Words that may stand with the field and the period and ask nothing else. */
const FILLER = /^(?:的|我们|咱们|区人大|人大|常委会|工作|总体|整体|总的来说|到目前|目前|为止|截至|以来|(?:这|那)一?(?:块儿?|边儿?|方面|部分))*$/;

/** The count or list a how-did-it-go question about the log stands for, or undefined. */
export function howItWent(p: Prepared, taxonomy: Taxonomy): Reading | undefined {
  // Over a stretch (今年, 上半年); a day with 情况 (昨天回访代表建议办理情况) is an entry to log.
  if (!p.periods.some((x) => !x.timeOnly && !x.day)) return undefined;
  const tail = HOW_WENT.exec(p.blank);
  if (!tail) return undefined;
  // 怎么样 and 如何 are the asking end here; before it, a rule word (一般, 要求) asks the documents.
  if (cue.NORMATIVE.test(p.blank.slice(0, tail.index))) return undefined;
  const field = fieldKinds(p, taxonomy);
  const rest = blankOut(p.blank.slice(0, tail.index), p.mentions).replace(FIELD_WORDS, '').replace(/[\s\p{P}]+/gu, '');
  if (!FILLER.test(rest)) return undefined;
  if (field) return query('count', p, taxonomy);
  // 上半年视察怎么样: its entries (上半年视察情况 alone stays a count-or-list question).
  return p.mentions.length > 0 && /怎么样|怎样|如何|咋样/.test(tail[0]) ? query('list', p, taxonomy) : undefined;
}
