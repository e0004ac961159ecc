/**
 * Messages that look like something to log but are not an activity: a pasted summary that
 * reports counts, a file path or web address, thanks and greetings, a misspelt activity
 * word. Each gets its own answer and nothing is stored.
 */
import type { Prepared } from './prepare.ts';
import { readerMessages as say } from './messages.ts';

/** Thanks, goodbyes and acknowledgements (好的, 收到, 谢谢您). */
const THANKS =
  /^\s*(?:好的?|好滴|收到|嗯+|哦+|ok|okay|谢谢|多谢|感谢|谢啦|谢了|辛苦了?|thanks?|thank you|再见|拜拜|bye)(?:\s*(?:谢谢|您|你|了|啦|哈|呀|啊|!|！|。|\.|~|～|,|，))*\s*$/i;
/** A web address or a file path. */
const PATH_OR_LINK =
  /https?:\/\/|www\.[a-z0-9-]+\.|^\s*(?:[a-z]:\\|\\\\|~?\/|\.{1,2}\/)\S*|(?:^|[\s/\\])[^\s/\\]+[/\\][^\s]*\.(?:pdf|docx?|xlsx?|csv|pptx?|md|txt|zip|rar|jpe?g|png)\b/i;
/** A count reported in a summary: 视察4次, 3场, 共12项 (not 第15次会议). */
const REPORTED_COUNT = /(?<![第0-9零一二两三四五六七八九十])(?:[0-9]+|[一二两三四五六七八九十]+)\s*(?:次|场|项|批|期|件)(?!会议|常委会)/g;
const SUMMARY_WORDS = /先后|累计|共计|总计|半年来|一年来|年来|以来|共(?:组织|开展|召开|听取|审议)|全年/;

/** An activity called off or put back (视察取消了, 没去成, 推迟到…), not one done. */
const CALLED_OFF = /取消|没(?:有)?(?:去|开|搞|办)成|未能(?:成行|举行|召开)|未(?:举行|召开)|没(?:有)?(?:举行|召开)|延期|推迟|改期|暂停|作罢|不去了|不开了/;
/** Words before 取消 / 延期 that make it the matter discussed (研究取消部分收费), not the news. */
const MATTER_BEFORE = /(?:研究|讨论|审议|关于|听取|部署|论证|决定|批准|同意)[^，,。；;]{0,6}$/;

/** Misspellings of activity words staff make when typing fast, and the word they mean. */
const NEAR_MISSES: ReadonlyArray<readonly [RegExp, string]> = [
  [/视查|是察|视擦|视茶/, '视察'],
  [/掉研|调硏|条研|调言/, '调研'],
  [/执法检察|执法捡查/, '执法检查'],
  [/座淡会|坐谈会/, '座谈会'],
  [/走仿|走放/, '走访'],
  [/陪训|培圳/, '培训'],
  [/询闻|旬问/, '询问'],
];

/** Why this message is not an activity to store, as the question to answer it with; else undefined. */
export function notAnActivity(p: Prepared): string | undefined {
  if (THANKS.test(p.text)) return say.thanks;
  if (PATH_OR_LINK.test(p.text)) return say.pathOrLink;
  const counts = [...p.blank.matchAll(REPORTED_COUNT)].length;
  if (counts >= 2 || (counts >= 1 && SUMMARY_WORDS.test(p.blank))) return say.summaryParagraph;
  // A long text with no day in it reads like a pasted paragraph, not one thing done.
  if (p.text.length > 120 && !p.periods.some((d) => d.day)) return say.summaryParagraph;
  const off = CALLED_OFF.exec(p.blank);
  if (off && !MATTER_BEFORE.test(p.blank.slice(0, off.index).replace(/[了的]$/, ''))) return say.calledOff;
  if (p.mentions.length === 0) {
    for (const [typo, meant] of NEAR_MISSES) {
      const m = typo.exec(p.text);
      if (m) return say.didYouMean(m[0], meant);
    }
  }
  return undefined;
}
