/**
 * Tables in Word files: kept as `| a | b |` rows in one passage with the table's caption; a
 * table too long for one passage is cut between rows only, each part repeating caption and
 * header; a question about one cell finds the passage with its row.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chunkDocument, MAX_PASSAGE_CHARS } from '../../src/knowledge/chunking/chunker.ts';
import { openSqliteKnowledgeBase } from '../../src/knowledge/index.ts';
import { loadDocument } from '../../src/knowledge/loaders/index.ts';
import type { LoadedDocument } from '../../src/knowledge/types.ts';
import PDFDocument from 'pdfkit';
import { CJK_FONT, tempFolder, writeDocx } from '../fixtures/documents.ts';
import { writeLibrary } from '../support/kb-fixtures.ts';

const folder = tempFolder('lvzhi-tables-');
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const HEADER = ['序号', '监督事项', '时间', '责任单位'];
const UNITS = ['财经工委', '城建环保工委', '教科文卫工委', '代表工委', '监察司法工委', '农业农村工委'];
const TOPICS = ['预算执行', '安全生产', '义务教育', '代表建议办理', '行政执法', '乡村振兴', '生态环境', '养老服务', '食品安全', '营商环境'];
/** Thirty rows: far more than one passage holds. */
const ROWS = Array.from({ length: 30 }, (_, i) => [String(i + 1), `${TOPICS[i % 10]}情况专项监督（第${i + 1}项）`, `${(i % 12) + 1}月`, UNITS[(i * 7) % 6]]);
const CAPTION = '表2 2024年度监督工作计划表';
const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;

/**
 * A PDF with a title, a paragraph, a caption, a ruled table (cell widths in pt; a cell too long for its
 * column wraps onto a second line) and a closing paragraph, as office software prints one.
 */
async function writeTablePdf(path: string, rows: ReadonlyArray<readonly string[]>, widths: readonly number[]): Promise<string> {
  const doc = new PDFDocument({ size: 'A4', margin: 72 });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.font(CJK_FONT).fontSize(12).text('关于开展代表视察活动的通知', 72, 50);
  doc.text('请各单位按下表安排做好准备。', 72, 72);
  doc.text('表1 视察活动安排表', 72, 100);
  const xs = widths.reduce<number[]>((acc, w) => [...acc, acc[acc.length - 1] + w], [72]);
  const height = 40;
  rows.forEach((cells, r) => cells.forEach((cell, c) => doc.text(cell, xs[c] + 4, 124 + r * height, { width: widths[c] - 8 })));
  for (let r = 0; r <= rows.length; r++) doc.moveTo(72, 120 + r * height).lineTo(xs[xs.length - 1], 120 + r * height).stroke();
  for (const x of xs) doc.moveTo(x, 120).lineTo(x, 120 + rows.length * height).stroke();
  doc.text('以上安排如有变化另行通知。', 72, 140 + rows.length * height);
  doc.end();
  await done;
  writeFileSync(path, Buffer.concat(chunks));
  return path;
}

async function planDocx(): Promise<string> {
  return writeDocx(join(folder, '监督工作计划.docx'), [
    { heading: 1, text: '区人大常委会2024年度监督工作计划' },
    { heading: 2, text: '一、总体安排' },
    { text: '常委会全年安排听取和审议专项工作报告、开展执法检查和专题询问等监督工作，具体安排如下。' },
    { text: CAPTION },
    { table: [HEADER, ...ROWS] },
    { text: '各责任单位要按照计划抓好落实。' },
  ]);
}

describe('tables in Word files and in passages', () => {
  it('loads a .docx table as rows under its caption', async () => {
    const doc = await loadDocument(await planDocx());
    const lines = doc.sections[0].text.split('\n').filter(Boolean);
    const at = lines.indexOf(CAPTION);
    expect(lines.slice(at, at + 3)).toEqual([CAPTION, row(HEADER), row(ROWS[0])]);
  });

  it('cuts a long table between rows only, every part with caption and header, every row once', async () => {
    const passages = chunkDocument(await loadDocument(await planDocx()));
    const parts = passages.filter((p) => p.text.includes('| 序号 |'));
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.text.split('\n').slice(0, 2)).toEqual([CAPTION, row(HEADER)]);
      expect(part.text.length).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
      expect(part.location).toBe('一、总体安排');
    }
    const rowsSeen = parts.flatMap((p) => p.text.split('\n').slice(2));
    expect(rowsSeen).toEqual(ROWS.map(row));
    // The sentences around the table stay out of its passages.
    expect(parts.some((p) => p.text.includes('按照计划抓好落实'))).toBe(false);
  });

  it('keeps a small table whole with the caption above it, apart from the paragraph before', () => {
    const doc: LoadedDocument = {
      path: '/x/通知.md', title: '通知', format: 'md',
      sections: [{ text: '请各单位按下表安排做好准备。\n\n视察安排\n\n| 项目 | 时间 |\n| 安全生产视察 | 6月12日 |\n\n以上安排如有变化另行通知。' }],
    };
    const passages = chunkDocument(doc);
    expect(passages.map((p) => p.text)).toEqual([
      '请各单位按下表安排做好准备。',
      '视察安排\n| 项目 | 时间 |\n| 安全生产视察 | 6月12日 |',
      '以上安排如有变化另行通知。',
    ]);
  });

  it('turns a ruled PDF table into rows, a wrapped cell included, kept with its caption', async () => {
    const rows = [['项目', '时间', '责任单位'], ['安全生产和消防工作专题视察', '6月12日', '城建环保工委'], ['垃圾分类工作视察', '6月20日', '代表工委']];
    const path = await writeTablePdf(join(folder, '安排.pdf'), rows, [120, 90, 120]);
    const doc = await loadDocument(path);
    const lines = doc.sections[0].text.split('\n');
    expect(lines).toEqual(['关于开展代表视察活动的通知', '请各单位按下表安排做好准备。', '表1 视察活动安排表', ...rows.map(row), '以上安排如有变化另行通知。']);
    const passages = chunkDocument(doc);
    expect(passages.map((p) => p.text)).toContain(['表1 视察活动安排表', ...rows.map(row)].join('\n'));
  });

  it('answers a question about one cell with the passage holding that row', async () => {
    const root = tempFolder('lvzhi-tables-kb-');
    const kb = await openSqliteKnowledgeBase({ dataDir: join(root, 'data') });
    try {
      await kb.ingest([writeLibrary(join(root, 'library')), await planDocx()]);
      const target = ROWS[26]; // 乡村振兴…（第27项）
      const answer = await kb.ask(`${target[1]}由哪个单位负责？`);
      const top = answer.sources[0];
      // A file named alone is its folder's name and its own.
      expect(top.doc).toMatch(/^lvzhi-tables-[^/]+\/监督工作计划\.docx$/);
      expect(top.text).toContain(row(target));
      expect(top.text.startsWith(`${CAPTION}\n${row(HEADER)}`)).toBe(true);
    } finally {
      kb.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
