/** Retrieved passages as the knowledge base hands them to an answerer, for answerer tests. */
import type { ScoredPassage } from '../../src/knowledge/types.ts';

let nextId = 1;

/** A scored passage from a made-up rules document. */
export function passage(text: string, location: string, score = 0.8, title = '某区人民代表大会常务委员会议事规则'): ScoredPassage {
  return { passage: { id: nextId++, doc: 'rules/standing-committee-rules.md', title, location, context: title, text }, score };
}

/** Three passages about when the standing committee meets and who convenes it. */
export function meetingPassages(): ScoredPassage[] {
  return [
    passage('常务委员会会议一般每两个月至少举行一次；有特殊需要的时候，可以临时召集会议。', '第三条', 0.92),
    passage('常务委员会会议由主任召集并主持。主任可以委托副主任主持会议。', '第四条', 0.71),
    passage('常务委员会会议必须有常务委员会全体组成人员的过半数出席，始得举行。', '第六条', 0.55),
  ];
}

/** The question the passages answer. */
export const MEETING_QUESTION = '常委会会议多长时间开一次？';
