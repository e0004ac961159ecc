/**
 * Body and kind cues. Staff name the body a rule binds (常委会, 主任会议, 街道工委, 代表) and
 * expect its own rule: after a 街道人大工委's rules are ingested, "常委会会议多久召开一次" must still
 * get the standing committee's article, not the 工委's. And a procedure question (怎么, 几天,
 * 多少人, 程序) is answered by a rule, not by a summary or minutes that mention the same words.
 */

/** A body narrower than the standing committee, whose own rules repeat the committee's words. */
export interface NarrowBody {
  readonly name: string;
  /** How a question names it. */
  readonly question: RegExp;
  /** How a document title names it as the body the document is about. */
  readonly title: RegExp;
}

const NARROW_BODIES: readonly NarrowBody[] = [
  { name: '工委', question: /工委|工作委员会|街道人大/, title: /街道.*(?:工委|工作委员会)|(?:工委|工作委员会).*(?:规则|办法|制度)/ },
  { name: '主任会议', question: /主任会议/, title: /主任会议/ },
  { name: '委员长会议', question: /委员长会议/, title: /委员长会议/ },
  { name: '代表小组', question: /代表小组|联络站|代表之家/, title: /代表小组|联络站|代表之家/ },
];

/**
 * 1 when a passage belongs to a document of a narrow body the question does not name — a
 * 工委's meeting rule for a question about the standing committee — else 0. Only the title
 * counts: a committee rule naming 主任会议 as the one who acts is still the committee's rule.
 */
export function bodyMismatch(question: string, title: string): number {
  return titleOfBodies(unnamedBodies(question), title);
}

/** The narrow bodies a question does not name (found once per question, for `titleOfBodies`). */
export function unnamedBodies(question: string): readonly NarrowBody[] {
  return NARROW_BODIES.filter((body) => !body.question.test(question));
}

/** `bodyMismatch` of a title, against the bodies the question does not name. */
export function titleOfBodies(unnamed: readonly NarrowBody[], title: string): number {
  for (const body of unnamed) if (body.title.test(title)) return 1;
  return 0;
}

// Titles of narrative documents: they tell what was done, not what must be done.
const NARRATIVE_TITLE = /总结|纪要|讲话|致辞|发言|汇报|简报|工作报告|情况报告|会议记录/;
// A question about a rule: how, by when, how many people, whether one may or must.
const PROCEDURE_QUESTION = /怎么|如何|怎样|程序|流程|手续|提前|几天|几日|多少天|多久|多长时间|期限|时限|多少人|几人|联名|要不要|能不能|可不可以|是否|应当|必须|由谁|谁来|谁主持|谁召集|需要/;
// A question about what happened or a figure of a period reads narrative documents on purpose.
const RECORD_QUESTION = /上半年|下半年|今年|去年|前年|\d{2,4}年|第[一二三四五六七八九十\d]+次会议|会上|总结|纪要|讲话|目标|增长|完成了|开了|举办了/;

/** Whether a question asks what a rule says (rather than what a record reports). */
export function isProcedureQuestion(question: string): boolean {
  return PROCEDURE_QUESTION.test(question) && !RECORD_QUESTION.test(question);
}

/** 1 when a procedure question meets a passage of a narrative document (summary, minutes, speech). */
export function narrativeForProcedure(procedure: boolean, title: string): number {
  return procedure && NARRATIVE_TITLE.test(title) ? 1 : 0;
}

// Bodies a rule is about, in canonical spelling (常务委员会 → 常委会, 人民代表大会会议 → 人大会议),
// longest first: 常委会会议 is the committee's, 人大会议 the congress's plenary session.
const SUBJECT_BODIES: ReadonlyArray<readonly [string, RegExp]> = [
  ['主任会议', /主任会议/],
  ['委员长会议', /委员长会议/],
  ['主席团', /主席团/],
  ['专委会', /专委会/],
  ['常委会', /常委会/],
  ['人大会议', /人大会议|人大(?!常委会|代表|工委|机关)/],
];

/** The first body a (canonical) text names, if any. */
export function firstBody(text: string): string | undefined {
  let best: { name: string; at: number } | undefined;
  for (const [name, pattern] of SUBJECT_BODIES) {
    const at = text.search(pattern);
    if (at >= 0 && (!best || at < best.at)) best = { name, at };
  }
  return best?.name;
}

// A question asking who acts (由谁主持, 哪个机构负责): its answer's subject is another body.
const ASKS_FOR_ACTOR = /谁|由哪|(?:哪个|哪些|什么|哪一?级)(?:机关|机构|部门|单位|主体|组织|委员会)/;
// ...unless it also asks how often, how many or by when: then the named body stays the subject.
const ASKS_FOR_MORE = /多久|多长|多少|几|什么时候|何时|期限/;

// The thing whose doer a who-question asks for: the words right before 由谁, 归谁, 是谁, 由哪个机关.
const THING_BEFORE_WHO = /(\p{Script=Han}{2,}?)[，,]?(?:是|要|应当|应该|需要|一般)?(?:由|归)?(?:谁|哪)/u;
// A body ending the thing: 全国人大会议, 常委会(会议), 主任会议 — the thing is that body or its meeting.
const BODY_AT_END: ReadonlyArray<readonly [string, RegExp]> = SUBJECT_BODIES.map(([name, pattern]) => [name, new RegExp(`(?:${pattern.source})$`, 'u')]);

/** The thing a (canonical) who-question asks the doer of, as written after its last 的 (代表证 of 全国人大代表的代表证由谁颁发). */
export function askedThingPhrase(question: string): string | undefined {
  return THING_BEFORE_WHO.exec(question)?.[1].split('的').pop() || undefined;
}

/**
 * The body a who-question asks the doer for when the thing it names is that body or its meeting
 * (全国人大会议由谁召集 → 人大会议, 常委会会议由谁召集 → 常委会): the rule answering it is about that
 * body (全国人大会议…由全国人大常委会召集), not another body's meeting with the same verb (常委会会议由
 * 委员长召集). Undefined when the body is only a circumstance (全国人大会议期间谁主持会议) or a part of
 * another thing (联组会议 of 全国人大常委会的联组会议).
 */
export function askedBody(question: string): string | undefined {
  const head = askedThingPhrase(question) ?? '';
  for (const thing of [head, head.replace(/(?<=.{2})会议$/u, '')]) {
    for (const [name, pattern] of BODY_AT_END) if (pattern.test(thing)) return name;
  }
  return undefined;
}

/** Whether a (canonical) clause is about `body` or names no body first (its subject left unsaid); any clause when no body is asked. */
export function aboutBody(clause: string, body: string | undefined): boolean {
  if (body === undefined) return true;
  const subject = firstBody(clause);
  return subject === undefined || subject === body;
}

/**
 * The bodies a (canonical) question names, for the subject-body cue. When the question asks only
 * who acts, only the body whose doer it asks for (`askedBody`): in 全国人大会议期间谁主持会议 the
 * answer (主席团主持…) is about another body; 全国人代会多久开一次？谁来召集？ is still about the
 * congress's own sessions.
 */
export function questionBodies(question: string): Set<string> {
  const named = new Set<string>();
  if (ASKS_FOR_ACTOR.test(question) && !ASKS_FOR_MORE.test(question)) {
    const asked = askedBody(question);
    if (asked) named.add(asked);
    return named;
  }
  for (const [name, pattern] of SUBJECT_BODIES) if (pattern.test(question)) named.add(name);
  // 常委会会议 names the committee, not the plenary session the 人大 inside 人大常委会 would suggest.
  if (named.has('常委会') && !/人大会议/.test(question)) named.delete('人大会议');
  return named;
}

/**
 * 1 when the question names a body and the passage's first sentence is about another one: a
 * question on how often 全国人代会 meets against the article on how often 常委会会议 meets, whose
 * every other word it shares; 0 when the bodies agree or either names none.
 */
export function subjectBodyMismatch(bodies: ReadonlySet<string>, lead: string): number {
  return bodies.size ? otherSubject(bodies, firstBody(lead)) : 0;
}

/** `subjectBodyMismatch` of a lead sentence whose first body (`firstBody`) is `subject`. */
export function otherSubject(bodies: ReadonlySet<string>, subject: string | undefined): number {
  return subject && bodies.size && !bodies.has(subject) ? 1 : 0;
}
