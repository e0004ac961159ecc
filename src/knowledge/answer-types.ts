/**
 * Expected answer types: a question asking "how long / by when" is answered by a passage
 * stating a period or deadline, "how many people" by a count or a majority, "which ones" by
 * an enumeration. A passage of the expected type gets a small bonus when the hybrid list is
 * re-ordered — a standard question-answering cue that lexical overlap alone cannot see.
 */
import { withoutIndefiniteFew } from './answering/indefinite-few.ts';

/** One kind of expected answer: how the question asks for it and how a passage states it. */
export interface AnswerType {
  readonly name: string;
  /** A figure of a definite kind (a period, a headcount, a sum, a time, a count): documents that answer state one. */
  readonly figure?: boolean;
  readonly question: RegExp;
  readonly passage: RegExp;
  /**
   * Words that name the kind of answer rather than a topic (限时, 期限 for a period; 内容, 事项
   * for a list): a passage stating an answer of this type holds what they ask for.
   */
  readonly kindWords?: RegExp;
}

const NUMBER = '[一二三四五六七八九十百千万两\\d]';

/** The answer types, most specific first; a question may expect several. */
export const ANSWER_TYPES: readonly AnswerType[] = [
  {
    name: 'period',
    figure: true,
    // 限时多少, 时间限制是多少, 任期多长: a limit of time is asked for as a duration too.
    question: /多长时间|(?:任期|期限|时限|时间)(?:有|是|为)?多长|多久|几天|几日|几个月|几年|几小时|几分钟|什么时候|何时|最晚|最迟|提前|期限|时限|限时|时间限制|隔多|多少(?:天|小时|分钟)/,
    // A term stated by reference (任期同本级人民代表大会每届任期相同) is a period too.
    passage: new RegExp(`${NUMBER}+个?(日|天|月|年|小时|分钟)(以前|前|内|以内|之内)?|每(年|季度|月|${NUMBER}+个?月)|之日起|(?:任期|期限)同[^。；]{1,24}相同`),
    kindWords: /^(?:期限|时限|限时|时间限制|时间|时长)$/,
  },
  {
    name: 'headcount',
    figure: true,
    question: /多少人|几个人|几人|几名|多少名|多少票|多少代表|多少位|人数|联名|(?:多少|几)(?:个|位|名)?(?:组成)?(?:人员|成员|委员|代表|选民)/,
    passage: new RegExp(`${NUMBER}+(人|名)(以上|以下)?|过半数|${NUMBER}分之${NUMBER}|半数`),
  },
  {
    // Pay, allowances and funds are asked for as a sum of money (工资是多少, 每月补贴多少).
    name: 'money',
    figure: true,
    question: /(?:工资|补贴|津贴|补助|报酬|经费|费用)[^，。？]{0,6}(?:多少|几)|(?:多少|几)[^，。？]{0,4}(?:钱|元|工资|补贴|津贴|补助|报酬|经费|费用)/,
    passage: new RegExp(`\\d+(\\.\\d+)?\\s*(元|万元|亿元)|${NUMBER}+(元|万元|亿元)`),
  },
  {
    // A time of day (几点开门, 开放时间是几点到几点) is stated as a clock time.
    name: 'clock',
    figure: true,
    question: /几点|几时开|几时到/,
    passage: new RegExp(`\\d{1,2}[:：]\\d{2}|${NUMBER}{1,3}[点时](?:[至到—-]|${NUMBER}|整|半)`),
  },
  {
    // A place by its floor or room (办公室在几楼, 在哪个房间): stated as 3楼, 三层, 302室.
    name: 'floor',
    figure: true,
    question: /几楼|几层|哪一?层|哪个房间|几号房间|门牌号/,
    passage: new RegExp(`(?:\\d+|${NUMBER}+)(?:楼|层)|\\d+\\s*(?:室|房间)|门牌`),
  },
  {
    // 开了几次会, 提了多少件建议: a count of times or items, stated as 3次, 五件.
    name: 'count',
    figure: true,
    question: /(?:多少|几)(?:次|件|个(?!人|月)|项|场|份|部|批)/,
    passage: new RegExp(`(?<!第)(?:\\d+|${NUMBER}+)(?:次|件|个|项|场|份|部|批)`),
  },
  {
    // Things counted by a measure word of their own (几辆车, 多少台电脑, 几间办公室): a rule that
    // answers states such a count; a meeting held 一次 says nothing of how many cars there are.
    name: 'items',
    figure: true,
    question: /(?:多少|几)(?:辆|台|套|间|座|张|本|把|家|所|处|块)/,
    passage: new RegExp(`(?<!第)(?:\\d+|${NUMBER}+)(?:辆|台|套|间|座|张|本|把|家|所|处|块)`),
  },
  {
    name: 'amount',
    // 多少 before a counted unit asks for a count, a headcount or a period (the types above).
    question: /多少(?!次|件|个|项|场|份|部|批|辆|台|套|间|座|张|本|把|家|所|处|块|人|名|位|天|日|年|票|小时|分钟)|比例|上限|下限|最多|最少|至少|目标|增速|增长/,
    passage: new RegExp(`\\d+(\\.\\d+)?(%|万|亿|元)|${NUMBER}+(万|亿)?元|${NUMBER}+分之${NUMBER}|不(得)?(超过|少于|低于)|以上|以下|左右`),
  },
  {
    name: 'enumeration',
    question: /哪些|哪几/,
    // Three items in a row (or three closed by 等), or a list a law introduces with 下列 and numbers (（一）…（二）…).
    passage: /[^、\n]{1,20}、[^、\n]{1,20}、[^、\n]{1,20}、|[^、，。；\n]{1,20}、[^、，。；\n]{1,20}、[^、，。；\n]{1,20}等|[^、，。；\n]{1,12}、[^、，。；\n]{1,12}(?:和|及|以及|与)[^、，。；\n]{1,12}[。；]|下列[^。；]{0,12}[：:]|（一）[^（]{1,80}（二）/,
    // 哪些内容, 哪几部分, 哪些事项: the list is the content asked for, whatever it calls its items.
    kindWords: /^(?:内容|事项|情形|情况|方面|部分|材料|条件|要求|要素|项目|形式|方式|种类|类别|环节|步骤|主体|人员|单位|机关|部门)$/,
  },
];

// Article and chapter numbers (第二十三条) are labels, not answers.
const LABELS = /第[一二三四五六七八九十百千零\d]+[编章节条款项]/g;

/** The answer types a question expects. */
export function expectedAnswerTypes(question: string): AnswerType[] {
  const asked = withoutIndefiniteFew(question);
  return ANSWER_TYPES.filter((type) => type.question.test(asked));
}

/**
 * Whether a question word only names the kind of answer expected (限时 in 限时多少, 内容 in
 * 哪些内容) and the passage states an answer of that kind: the passage then holds the word's
 * meaning whether or not it repeats the word.
 */
export function kindWordAnswered(types: readonly AnswerType[], word: string, passageText: string): boolean {
  return types.some((type) => type.kindWords?.test(word) && answerTypeMatch([type], passageText) > 0);
}

/** Whether a question word only names the kind of answer one of the expected types gives (事项 in 哪些事项). */
export function isKindWord(types: readonly AnswerType[], word: string): boolean {
  return types.some((type) => type.kindWords?.test(word) === true);
}

/** Share (0..1) of the expected types a passage states; 0 when the question expects none. */
export function answerTypeMatch(types: readonly AnswerType[], passageText: string): number {
  if (!types.length) return 0;
  const text = passageText.replace(LABELS, '');
  return types.filter((type) => type.passage.test(text)).length / types.length;
}

/**
 * Which answer types one passage states, each read the first time a question expects it and
 * kept: the second stage meets the same passages question after question.
 */
export class StatedAnswerTypes {
  /** Bit i: ANSWER_TYPES[i] was read; and is stated. */
  private read = 0;
  private stated = 0;
  /** The passage without its article labels, made at the first read. */
  private text?: string;

  constructor(private readonly passageText: string) {}

  /** `answerTypeMatch` of this passage. */
  match(types: readonly AnswerType[]): number {
    if (!types.length) return 0;
    let count = 0;
    for (const type of types) if (this.states(type)) count++;
    return count / types.length;
  }

  private states(type: AnswerType): boolean {
    this.text ??= this.passageText.replace(LABELS, '');
    const i = ANSWER_TYPES.indexOf(type);
    if (i < 0 || i > 30) return type.passage.test(this.text); // a type of another list
    const bit = 1 << i;
    if (!(this.read & bit)) {
      this.read |= bit;
      if (type.passage.test(this.text)) this.stated |= bit;
    }
    return (this.stated & bit) !== 0;
  }
}
