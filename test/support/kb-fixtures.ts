/**
 * A small made-up district standing committee library for the knowledge-base tests:
 * rules with numbered articles, a work report, a speech. Every topic is worded as the
 * documents word it (人民代表大会常务委员会…), while the tests ask as staff do (人大常委会…).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { openSqliteKnowledgeBase, type OpenKnowledgeBase, type SqliteKnowledgeBase } from '../../src/knowledge/index.ts';

/** Articles of the fixture rules, each on one topic the suite asks about. */
export const RULES = {
  meetings: '第三条 区人民代表大会常务委员会会议一般每两个月举行一次；有特殊需要的时候，可以临时召集会议。',
  leave: '第四条 常务委员会组成人员因病或者其他特殊原因不能出席会议的，应当通过办公室向主任书面请假。',
  speaking: '第五条 常务委员会组成人员在全体会议上的发言，每人每次不超过十分钟；在分组会议上第一次发言不超过十五分钟。',
  inquiry: '第六条 常务委员会组成人员五人以上联名，可以向常务委员会书面提出对本级人民政府及其所属部门的质询案。',
  suggestions: '第七条 代表建议、批评和意见由常务委员会办事机构交有关机关和组织研究办理，承办单位应当自交办之日起三个月内答复。',
  attendance: '第八条 区人民政府、监察委员会、人民法院、人民检察院的负责人列席常务委员会会议。',
  voting: '第九条 常务委员会的决议，由常务委员会全体组成人员的过半数通过。表决采用无记名按表决器方式。',
  video: '第十条 遇有特殊情况，经主任会议决定，常务委员会组成人员可以通过网络视频方式出席会议。',
} as const;

const RULES_TEXT = `# 某区人民代表大会常务委员会议事规则

## 第一章 总则

第一条 为了规范常务委员会的议事程序，根据有关法律，结合本区实际，制定本规则。

第二条 常务委员会坚持民主集中制原则，集体行使职权。

## 第二章 会议

${RULES.meetings}

${RULES.leave}

${RULES.speaking}

## 第三章 监督

${RULES.inquiry}

${RULES.suggestions}

${RULES.attendance}

## 第四章 表决

${RULES.voting}

${RULES.video}
`;

/** A line of the fixture report the suite looks for. */
export const REPORT_INSPECTION = '半年来，常务委员会共组织代表视察6次，围绕安全生产、垃圾分类和老旧小区改造开展专题视察。';

const REPORT_TEXT = `# 区人大常委会2024年上半年工作总结

## 一、依法履行监督职责

${REPORT_INSPECTION}

听取和审议区政府关于财政预算执行情况的报告，提出审议意见十二条。

## 二、加强代表工作

开展代表之家、代表联络站活动，代表接待选民一千二百余人次。
`;

const SPEECH_TEXT = `在区人大代表履职培训班上的讲话

同志们：举办这次培训班，目的是帮助代表熟悉履职程序，提高提出议案建议的质量。

希望各位代表珍惜人民赋予的权利，密切联系群众，当好人民群众的代言人。
`;

/** A fresh temporary folder. */
export function tempDir(prefix = 'lvzhi-kb-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Write the fixture library into `folder` (rules.md, reports/report.md, speech.txt); returns the folder. */
export function writeLibrary(folder: string): string {
  mkdirSync(join(folder, 'reports'), { recursive: true });
  writeFileSync(join(folder, 'rules.md'), RULES_TEXT);
  writeFileSync(join(folder, 'reports', 'report.md'), REPORT_TEXT);
  writeFileSync(join(folder, 'speech.txt'), SPEECH_TEXT);
  return folder;
}

/** Questions as staff ask them, with the passage text that answers each. */
export const STAFF_QUESTIONS: ReadonlyArray<{ question: string; expected: string }> = [
  { question: '区人大常委会多长时间开一次会？', expected: RULES.meetings },
  { question: '常委会委员生病来不了会，怎么请假？', expected: RULES.leave },
  { question: '代表建议交办以后多久要答复？', expected: RULES.suggestions },
  { question: '一府一委两院的负责人要列席常委会会议吗？', expected: RULES.attendance },
  { question: '分组会议上第一次发言能讲多久？', expected: RULES.speaking },
  { question: '上半年组织代表视察了几次？', expected: REPORT_INSPECTION },
];

/** A knowledge base in a temporary folder holding the fixture library, for bad-input tests. */
export interface StockedKnowledgeBase {
  readonly root: string;
  readonly kb: SqliteKnowledgeBase;
  /** Every stored passage with its document and hash: compare before and after a bad ingest. */
  storedRows(): unknown[];
  /** `storedRows()` right after the library was ingested. */
  readonly before: unknown[];
  close(): void;
}

/** Open a knowledge base in a fresh folder and ingest the fixture library into it. */
export async function openStockedKnowledgeBase(prefix = 'lvzhi-kb-'): Promise<StockedKnowledgeBase> {
  const root = tempDir(prefix);
  const kb = await openSqliteKnowledgeBase({ dataDir: join(root, 'data') });
  await kb.ingest([writeLibrary(join(root, 'library'))]);
  const storedRows = () =>
    kb.db.prepare(
      'SELECT d.doc, d.content_hash, p.id, p.text FROM kb_passages p JOIN kb_documents d ON d.id = p.document_id ORDER BY p.id').all();
  return {
    root,
    kb,
    storedRows,
    before: storedRows(),
    close() {
      kb.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * A knowledge base holding `paths` (real files or folders), opened before the tests of the
 * enclosing describe block and removed after them; call the returned function inside a test.
 */
export function suiteKnowledgeBase(prefix: string, paths: readonly string[], timeout = 60_000): () => OpenKnowledgeBase {
  const root = tempDir(prefix);
  let kb: OpenKnowledgeBase | undefined;
  beforeAll(async () => {
    kb = await openSqliteKnowledgeBase({ dataDir: join(root, 'data'), log: () => undefined });
    await kb.ingest(paths);
  }, timeout);
  afterAll(() => {
    kb?.close();
    rmSync(root, { recursive: true, force: true });
  });
  return () => {
    if (!kb) throw new Error('the knowledge base is opened in beforeAll');
    return kb;
  };
}

/** An assertion over `kb`: the question is answered (not 没有找到) and the answer holds `words`. */
export function answersFrom(kb: () => OpenKnowledgeBase): (question: string, words: string) => Promise<void> {
  return async (question, words) => {
    const answer = await kb().ask(question, { k: 5 });
    expect(answer.found, question).toBe(true);
    expect(answer.answer, question).toContain(words);
  };
}
