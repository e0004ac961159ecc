/**
 * 几 that says "several", not "how many": 好几部法律, 十几个人, 几十次, 没几天. A question holding
 * one asks nothing about the count (好几部法律…能不能打包一次表决), so it must not be read as a
 * count, headcount or period question and declined for want of a figure.
 */
const INDEFINITE_FEW = /(?<=好|十|没)几|几(?=十|百|千|万|乎)/gu;

/** The question with every "several" 几 written 多, so that only an asking 几 is left. */
export function withoutIndefiniteFew(question: string): string {
  return question.replace(INDEFINITE_FEW, '多');
}
