/**
 * Scanned PDFs: pages without a text layer are read by OCR (real tesseract.js, real pdf.js
 * rendering) with their page numbers, progress and notes; scans in another script, scans over
 * the page cap and stopped scans are refused with a Chinese reason and nothing stored changes.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.ts';
import { loadDocument } from '../../src/knowledge/loaders/index.ts';
import { MAX_OCR_PAGES } from '../../src/knowledge/loaders/limits.ts';
import { tidyOcrText } from '../../src/knowledge/loaders/pdf-ocr.ts';
import { OCR_IDLE_MS } from '../../src/knowledge/loaders/shared-ocr.ts';
import { tempFolder, writePdf } from '../fixtures/documents.ts';
import { characterAccuracy, corpusLawPages, pagesPdfBytes, type Paper, scanImages } from '../fixtures/scans.ts';
import { REPO_ROOT } from '../support/cli-process.ts';
import { openStockedKnowledgeBase, type StockedKnowledgeBase } from '../support/kb-fixtures.ts';

/** OCR takes seconds a page, many more on a busy shared machine: these tests get ten minutes each. */
const OCR_TIMEOUT = 600_000;
/**
 * Office scanners default to 200 or 300 dpi: the law's pages are scanned at 300, the page in
 * another script at 200 (it only has to be refused, and its scan is made in half the time).
 */
const OFFICE_DPI = 200;

/**
 * The scans are of A5 sheets: half an A4 page's pixels to render and read, and still room for
 * the law's ~170 characters a page at 12 pt.
 */
const PAPER: Paper = 'A5';

const folder = tempFolder('lvzhi-ocr-');
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const RUSSIAN = [
  'Статья 1. Настоящий регламент устанавливает порядок работы постоянного комитета.',
  'Статья 2. Заседания постоянного комитета проводятся, как правило, один раз в два месяца.',
];

/**
 * Two pages of a law of about 170 characters each: enough text to score accuracy and see the
 * pages kept apart, at half the recognition time of full pages (time grows with the text).
 */
const law = corpusLawPages('npcsc-procedure-rules-2022.md', 2, 150, 5);

/**
 * Scans made once for the file: rasterising is seconds a page, and recognising one is seconds
 * more, so each page is read once where one document can show several behaviours. The tests
 * that stop at the first page need a scan, not a particular one: two pages of the 200-dpi scan.
 */
let lawPages: Uint8Array[];
let stopScan: string;
let russianPage: Uint8Array;
beforeAll(async () => {
  lawPages = await scanImages(law, 300, PAPER);
  [russianPage] = await scanImages([RUSSIAN], OFFICE_DPI, PAPER);
  stopScan = join(folder, '两页扫描件.pdf');
  writeFileSync(stopScan, await pagesPdfBytes([{ image: russianPage }, { image: russianPage }], PAPER));
}, OCR_TIMEOUT);

async function refusal(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('OCR of scanned PDF pages', () => {
  it('reads the scanned pages of a law (300 dpi) with page numbers kept, text pages as they are, progress page by page, and names the pages it could not read', async () => {
    const path = join(folder, '议事规则（混合）.pdf');
    writeFileSync(path, await pagesPdfBytes([
      { text: ['第一条 本页是文字版，不需要识别。'] },
      ...lawPages.map((image) => ({ image })),
      { image: russianPage },
    ], PAPER));
    const progress: Array<[number, number]> = [];
    const doc = await loadDocument(path, { onOcrProgress: (done, total) => progress.push([done, total]) });
    expect(progress).toEqual([[1, 3], [2, 3], [3, 3]]); // three pages needed OCR, the text page did not
    expect(doc.sections.map((s) => s.page)).toEqual([1, 2, 3]);
    expect(doc.sections[0].text).toContain('第一条 本页是文字版，不需要识别。');
    for (const [i, lines] of law.entries()) {
      expect(characterAccuracy(doc.sections[i + 1].text, lines.join('\n'))).toBeGreaterThanOrEqual(0.95);
    }
    // Characters come out joined, as printed, and the article label keeps its space.
    expect(doc.sections[1].text).toMatch(/^第[一二三四五六七八九十]+条 \S/m);
    expect(doc.notes).toEqual([
      '第 2、3 页是扫描页，已通过文字识别读取（识别结果可能有个别错字）。',
      '第 4 页的文字无法可靠识别（可能不是简体中文或英文，或者图像模糊），未收录。',
    ]);
  }, OCR_TIMEOUT);

  it('refuses a scan in a language it cannot read, saying which languages it reads', async () => {
    const path = join(folder, 'russian.pdf');
    writeFileSync(path, await pagesPdfBytes([{ image: russianPage }], PAPER));
    const error = await refusal(loadDocument(path));
    expect(error.code).toBe('ocr_unreadable');
    expect(error.userMessage).toContain('简体中文或英文');
  }, OCR_TIMEOUT);

  it('stops when asked, with a Chinese reason', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const error = await refusal(loadDocument(stopScan, {
      signal: controller.signal,
      onOcrProgress: (done) => {
        seen.push(done);
        controller.abort();
      },
    }));
    expect(error.code).toBe('ocr_stopped');
    expect(error.userMessage).toContain('已停止识别');
    expect(seen).toEqual([1]);
  }, OCR_TIMEOUT);

  it('a process that read scans ends with its work: the recogniser kept for the next scan holds it open no longer', async () => {
    // What the command line does after `ingest` of a scan: take the recogniser, give it back,
    // return. The compiled module, as `npm run cli` runs it (built first when src/ is newer).
    const script = join(folder, 'ocr-then-exit.mjs');
    writeFileSync(script, `import { build, isStale } from ${JSON.stringify(pathToFileURL(join(REPO_ROOT, 'scripts/build.mjs')).href)};
if (isStale()) build({ onlyIfStale: true });
const { acquireOcr } = await import(${JSON.stringify(pathToFileURL(join(REPO_ROOT, 'dist/knowledge/loaders/shared-ocr.js')).href)});
(await acquireOcr()).release();
console.log('released');
`);
    const child = spawn(process.execPath, [script], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    let released = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      released = Date.now();
    });
    const status = await new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    expect(status).toBe(0);
    expect(stdout).toBe('released\n');
    // Held open, it would end only when the idle recogniser does, OCR_IDLE_MS (a minute) later.
    expect(Date.now() - released).toBeLessThan(OCR_IDLE_MS / 2);
  }, OCR_TIMEOUT);

  it('joins the spaces tesseract puts between Chinese characters, not between Latin words', () => {
    expect(tidyOcrText('第 十 六 条 常务 委员 会 会议 公开 举行 。\n\n\n\nPDF 文件 and OCR text')).toBe(
      '第十六条 常务委员会会议公开举行。\n\nPDF 文件 and OCR text',
    );
  });
});

describe('scans through the knowledge base', () => {
  let stocked: StockedKnowledgeBase;
  beforeAll(async () => void (stocked = await openStockedKnowledgeBase('lvzhi-ocr-kb-')));
  afterAll(() => stocked.close());

  it(`refuses a scan of more than ${MAX_OCR_PAGES} pages before reading any, and keeps what is stored`, async () => {
    // One page over the cap: the same refusal as for 500 pages, at a fifth of the PDF to write and parse.
    const pages = MAX_OCR_PAGES + 1;
    const path = await writePdf(join(stocked.root, '超页扫描件.pdf'), { pages: Array.from({ length: pages }, () => []), imageOnly: true });
    const ocrPages: number[] = [];
    const report = await stocked.kb.ingest([path], { onOcrProgress: (done) => ocrPages.push(done) });
    expect(ocrPages).toEqual([]);
    expect(report.skipped).toEqual([{ path, reason: expect.stringContaining(`有 ${pages} 页需要文字识别，超过单个文件 ${MAX_OCR_PAGES} 页的上限`) }]);
    expect(stocked.storedRows()).toEqual(stocked.before);
  }, OCR_TIMEOUT);

  it('a stopped ingest skips the scan and the files after it, naming each, and keeps what is stored', async () => {
    const scan = join(stocked.root, '停止.pdf');
    copyFileSync(stopScan, scan);
    const after = join(stocked.root, 'after.md');
    writeFileSync(after, '# 之后的文件\n\n第一条 这个文件在停止之后。');
    const controller = new AbortController();
    const report = await stocked.kb.ingest([scan, after], { signal: controller.signal, onOcrProgress: () => controller.abort() });
    expect(report.skipped.map((s) => s.path)).toEqual([scan, after]);
    expect(report.skipped[0].reason).toContain('已停止识别');
    expect(report.skipped[1].reason).toContain('导入已停止');
    expect(stocked.storedRows()).toEqual(stocked.before);
  }, OCR_TIMEOUT);
});
