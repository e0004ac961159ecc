/**
 * Words that say "this is a question" rather than what it is about (什么, 多少, 能不能, 吗).
 * They are dropped from lexical terms and break character bigrams, so they never dominate BM25.
 */
export const STOPWORDS: ReadonlySet<string> = new Set([
  '什么', '怎么', '怎样', '怎么样', '如何', '为什么', '为何', '多少', '几', '多久', '多长',
  '哪些', '哪个', '哪里', '哪', '谁', '吗', '呢', '吧', '啊', '呀', '么', '嘛',
  '能不能', '可不可以', '是不是', '有没有', '要不要', '会不会', '行不行', '是否', '能否',
  '的', '了', '着', '过', '和', '与', '及', '或', '或者', '在', '是', '都', '也', '还',
  '就', '这', '那', '这个', '那个', '我们', '我', '你', '他', '她', '它', '咱们', '请问',
  '一下', '一般', '需要', '要', '得', '地', '把', '被', '对', '又', '再', '才', '吗？',
]);

// Words that ask rather than name a topic: 多长时间, 由谁来, 算不算, 怎么办, 几天, 最晚, 至少.
const ASKING_WORD = /[谁几哪]|多长|多久|多少|多大|怎|什么|如何|为何|吗|呢|么|(.)不\1|^(?:最[晚迟早多少长短高低]|至少|至多|一般|通常|平时|大概|以后|之后|后来|还能|还要|还是|到底)$/u;

/** Whether a word only asks (几天, 由谁来, 算不算, 最晚) rather than names what the question is about. */
export function isAskingWord(word: string): boolean {
  return STOPWORDS.has(word) || ASKING_WORD.test(word);
}
