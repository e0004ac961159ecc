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

/** An activity called off or put back (视察取消了, 没去成, 推迟到…, 原定今天的视察改到下周三), not one done. */
const CALLED_OFF = /取消|(?:没|未)(?:能)?成行|没(?:有)?(?:去|开|搞|办)成|未能(?:成行|举行|召开)|未(?:举行|召开)|没(?:有)?(?:举行|召开)|延期|推迟|改期|暂停|作罢|不去了|不开了|(?:改|挪|调整?|顺延)到(?=\s|[下本这明后]|周|星期|[0-9一二三四五六七八九十]+[月日号])/;
/** Words before 取消 / 延期 that make it the matter discussed (研究取消部分收费), not the news. */
const MATTER_BEFORE = /(?:研究|讨论|审议|关于|听取|部署|论证|决定|批准|同意)[^，,。；;]{0,6}$/;

/**
 * A deed said not to have happened (昨天没开主任会, 没有去乡镇调研, 未开展代表接待活动,
 * 这周还没开过主任会议). Not 有没有 (a question), not 未成年, and not a negation inside a
 * 的-phrase that names what was acted on (督办未按期办结的代表建议, 对未开展工作的单位进行督办).
 */
const NOT_DONE =
  /(?<!有)(?:没有?|并未|尚未|未曾|未)\s*(?:能\s*)?(?:去|到|开(?!始)|搞|组织|召开|举行|举办|开展|进行|参加|出席|安排|视察|调研|走访|学习|培训|考察|检查|接待|听取|审议|督办|回访)(?![^，,。；;]*的)|(?<![要])不(?:去|开|搞|组织|召开|举行|开展|进行)[^，,。；;]{0,10}了\s*[。!！]?\s*$/;
/** A condition or supposition (如果下周视察…, 假如周五开主任会议…): nothing that happened. */
const SUPPOSED = /^\s*(?:如果|假如|假设|假使|要是|若是|倘若|万一|如若|设若)/;

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

/** A thing that belongs to an activity, named right after its word (调研提纲, 视察照片, 座谈会材料, 视察用车). */
const THING_AFTER = /^\s*的?\s*(?:提纲|方案|材料|照片|图片|相片|视频|录像|通知|名单|议程|日程|车辆|用车|会场|场地|资料|课件|讲话稿|稿子|简报|手册|签到表|横幅|桌牌|座签)/;
/** Asking for that thing or whether it is ready (发我, 发群里, 准备好了吗, 定了没). */
const ERRAND = /发|传|转|给我|拿|送|打印|复印|准备|弄好|整理|找|安排好|定了|好了|[吗呢]|没有?\s*[?？]?\s*$/;
/** A deed said in the message: then the activity was done, whatever else is asked for. */
const DEED = /召开|开展|组织|参加|出席|列席|举行|举办|进行|听取|审议|主持|陪同|接待|开了|去了|到了|[了过](?:视察|调研|走访|学习|培训)/;

/**
 * An errand about an activity's things (调研提纲发我一下, 昨天的视察照片发群里, 座谈会材料准备好了吗):
 * every activity word names a thing of it, the thing is asked for, and no deed is said.
 */
function errandOnly(p: Prepared): boolean {
  if (p.mentions.length === 0 || DEED.test(p.blank)) return false;
  return p.mentions.every((m) => {
    const thing = THING_AFTER.exec(p.blank.slice(m.end));
    return thing !== null && ERRAND.test(p.blank.slice(m.end + thing[0].length));
  });
}

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
  const not = NOT_DONE.exec(p.blank);
  if (not && !MATTER_BEFORE.test(p.blank.slice(0, not.index))) return say.notDone;
  if (SUPPOSED.test(p.blank)) return say.supposed;
  if (errandOnly(p)) return say.errand;
  if (p.nearMiss) return say.didYouMean(p.nearMiss.typed, p.nearMiss.meant);
  if (p.mentions.length === 0) {
    for (const [typo, meant] of NEAR_MISSES) {
      const m = typo.exec(p.text);
      if (m) return say.didYouMean(m[0], meant);
    }
  }
  return undefined;
}
