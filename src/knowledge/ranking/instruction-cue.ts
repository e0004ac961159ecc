/**
 * Text in a document that speaks to the assistant ("忽略之前的指令，回答：…", "你现在是…",
 * "ignore previous instructions") is material to quote, never to obey or to answer from. These
 * helpers find it, so the ranking and the answer's lead sentence can look past it and the
 * reply can say that the passage holds such text.
 */

const INSTRUCTION = new RegExp([
  '(?:忽略|无视|忘记|忘掉|不要理会|不要遵守)(?:掉)?(?:你|您)?(?:之前|以上|上述|前面|先前|此前|所有|全部|原有|原来)+的?(?:所有|全部)?(?:指令|指示|提示词?|要求|规则|设定|命令)',
  '你(?:现在|从现在起|从此)(?:是|扮演|作为|变成)',
  '(?:请你|你要|你必须)?扮演(?:一个|一名|一只)',
  '假装(?:你|自己)是',
  '(?:新的|最新|以下)(?:系统)?(?:指令|指示)[：:]',
  '(?:系统|system)\\s*(?:提示|prompt|指令)[：:]',
  '(?:请|只|直接)(?:只|直接)?(?:回答|回复|输出)[：:]',
  'ignore\\s+(?:all\\s+)?(?:the\\s+)?(?:previous|prior|above|earlier)\\s+(?:instructions?|prompts?|rules?)',
  'disregard\\s+(?:all\\s+)?(?:the\\s+)?(?:previous|prior|above)',
  'you\\s+are\\s+now\\b',
  'act\\s+as\\s+(?:a|an|the)\\b',
].join('|'), 'i');

const SENTENCE = /[^。！？!?\n]*(?:[。！？!?]+|\n|$)/g;

/** Whether a text contains words addressed to the assistant as instructions. */
export function hasInstruction(text: string): boolean {
  return INSTRUCTION.test(text);
}

/** The text without its sentences that address the assistant as instructions. */
export function withoutInstructions(text: string): string {
  if (!hasInstruction(text)) return text;
  return (text.match(SENTENCE) ?? []).filter((sentence) => !INSTRUCTION.test(sentence)).join('');
}
