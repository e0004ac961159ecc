/**
 * A scanned PDF dropped into the chat by an admin: the chat shows OCR progress page by page,
 * the reply says which pages were read by OCR, and the scan then answers questions with its
 * page and article, ahead of the library's own rules on the same subjects. (The one OCR test
 * that goes on to a question: recognising a page is seconds of CPU.)
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { RuleReader, loadTaxonomy } from '../../src/reader/index.ts';
import { openSqliteKnowledgeBase, type OpenKnowledgeBase } from '../../src/knowledge/index.ts';
import { tempFolder } from '../fixtures/documents.ts';
import { corpusLawArticles, writeScannedPdf } from '../fixtures/scans.ts';
import { makeBench, telegram, type TestBench } from '../support/assistant-helpers.ts';
import { writeLibrary } from '../support/kb-fixtures.ts';

/** OCR takes seconds a page, many more on a busy shared machine: these tests get ten minutes each. */
const OCR_TIMEOUT = 600_000;

let bench: TestBench | undefined;
let kb: OpenKnowledgeBase | undefined;
let folder: string | undefined;
afterEach(() => {
  bench?.close();
  kb?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

it('shows OCR progress for a scanned upload, reports the pages read by OCR, and answers from the scanned page first', async () => {
  folder = tempFolder('lvzhi-scan-upload-');
  kb = await openSqliteKnowledgeBase({ dataDir: join(folder, 'data') });
  await kb.ingest([writeLibrary(join(folder, 'library'))]); // rules of its own on meetings and speaking
  bench = makeBench(new RuleReader(loadTaxonomy()), { knowledge: kb, admins: 'telegram:9' });
  const scan = await writeScannedPdf(join(folder, 'scan.pdf'), [corpusLawArticles('npcsc-procedure-rules-2022.md', '第十二条', 3)], 200, 'A5');
  const progress: string[] = [];
  const reply = await bench.assistant.handle(telegram('', '9', '9', {
    files: [{ name: '议事规则扫描件.pdf', download: async (to) => writeFileSync(to, readFileSync(scan)) }],
    progress: async (text) => void progress.push(text),
  }));
  expect(progress).toContain('这是扫描件，正在识别第 1/1 页……');
  expect(reply.text).toMatch(/^已收录《议事规则扫描件》，共 \d+ 段。/);
  expect(reply.text).toContain('《议事规则扫描件》：第 1 页是扫描页，已通过文字识别读取（识别结果可能有个别错字）。');
  const answer = await bench.assistant.handle(telegram('/ask 常务委员会分组会议由谁主持', '9', '9'));
  expect(answer.text).toMatch(/召集人.{0,3}轮流主持会议/);
  expect(answer.text).toContain('[1] 《议事规则扫描件》 第1页 › 第十三条');
}, OCR_TIMEOUT);
