import { rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.ts';
import { loadDocument, MAX_DOCUMENT_BYTES, SUPPORTED_EXTENSIONS } from '../../src/knowledge/loaders/index.ts';
import {
  binaryJunk, tempFolder, writeDocx, writeGb18030, writePdf, writePredefinedCmapPdf, writeUtf8WithBom,
} from '../fixtures/documents.ts';

const folder = tempFolder();
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The UserError a load throws, so each bad input can be checked for its Chinese reason. */
async function refusal(path: string): Promise<UserError> {
  const error = await loadDocument(path).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('PDF loader', () => {
  let pdf: string;
  beforeAll(async () => {
    pdf = await writePdf(join(folder, '议事规则.pdf'), {
      pageNumbers: true,
      pages: [
        [
          '某区人民代表大会常务委员会议事规则',
          '第一条 为了规范区人民代表大会常务委员会的议事程序，保障常务委员会依法行使职权，根据有关法律的规定，结合本区实际情况，制定本规则。',
        ],
        ['第二条 常务委员会会议一般每两个月举行一次，由主任召集并主持。'],
      ],
    });
  });

  it('keeps one section per page with its page number and the Chinese text', async () => {
    const doc = await loadDocument(pdf);
    expect(doc.format).toBe('pdf');
    expect(doc.sections.map((s) => s.page)).toEqual([1, 2]);
    expect(doc.sections[1].text).toContain('第二条 常务委员会会议一般每两个月举行一次，由主任召集并主持。');
  });

  it('joins lines the page width broke, with no space inside Chinese text', async () => {
    const doc = await loadDocument(pdf);
    expect(doc.sections[0].text).toContain(
      '第一条 为了规范区人民代表大会常务委员会的议事程序，保障常务委员会依法行使职权，根据有关法律的规定，结合本区实际情况，制定本规则。',
    );
  });

  it('drops page-number footers and takes the title line as the title', async () => {
    const doc = await loadDocument(pdf);
    for (const section of doc.sections) expect(section.text.split('\n')).not.toContain(String(section.page));
    expect(doc.title).toBe('某区人民代表大会常务委员会议事规则');
  });

  it('reads Chinese set in a non-embedded font with a predefined CMap (UniGB-UCS2-H)', async () => {
    // Without pdf.js's CMap files this PDF yields no text at all.
    const path = writePredefinedCmapPdf(join(folder, 'songti.pdf'), ['区人大常委会议事规则', '第一条 常务委员会会议一般每两个月举行一次。']);
    const doc = await loadDocument(path);
    expect(doc.title).toBe('区人大常委会议事规则');
    expect(doc.sections[0].text).toContain('第一条 常务委员会会议一般每两个月举行一次。');
  });

  it('refuses an encrypted PDF, saying it is password-protected', async () => {
    const path = await writePdf(join(folder, 'locked.pdf'), { pages: [['保密文件']], userPassword: 'secret' });
    const error = await refusal(path);
    expect(error.code).toBe('pdf_encrypted');
    expect(error.userMessage).toContain('加密');
  });

  it('refuses corrupt PDF bytes', async () => {
    const path = join(folder, 'broken.pdf');
    writeFileSync(path, Buffer.concat([Buffer.from('%PDF-1.7\n'), binaryJunk(2000)]));
    const error = await refusal(path);
    expect(error.code).toBe('pdf_corrupt');
    expect(error.userMessage).toContain('损坏');
  });

  it('refuses a PDF with no text layer whose pages OCR finds no text on either', async () => {
    const path = await writePdf(join(folder, 'scan.pdf'), { pages: [[], []], imageOnly: true });
    const error = await refusal(path);
    expect(error.code).toBe('pdf_no_text');
    expect(error.userMessage).toContain('没有识别出文字');
  });
});

describe('DOCX loader', () => {
  it('keeps headings as Markdown lines and paragraphs as lines', async () => {
    const path = await writeDocx(join(folder, '纪要.docx'), [
      { heading: 1, text: '区人大常委会第十二次会议纪要' },
      { heading: 2, text: '一、会议听取的报告' },
      { text: '会议听取和审议了区人民政府关于安全生产工作情况的报告。' },
      { heading: 2, text: '二、会议决定的事项' },
      { text: '审议意见在十日内送交区人民政府研究处理。' },
    ]);
    const doc = await loadDocument(path);
    expect(doc.format).toBe('docx');
    expect(doc.title).toBe('区人大常委会第十二次会议纪要');
    const lines = doc.sections[0].text.split('\n').filter(Boolean);
    expect(lines).toEqual([
      '# 区人大常委会第十二次会议纪要',
      '## 一、会议听取的报告',
      '会议听取和审议了区人民政府关于安全生产工作情况的报告。',
      '## 二、会议决定的事项',
      '审议意见在十日内送交区人民政府研究处理。',
    ]);
  });

  it('refuses a file that is not really a .docx', async () => {
    const path = join(folder, 'old.docx');
    writeFileSync(path, binaryJunk(500));
    const error = await refusal(path);
    expect(error.code).toBe('docx_corrupt');
  });
});

describe('text and Markdown loaders', () => {
  it('detects GB18030 text and converts it', async () => {
    const text = '某区人大常委会关于代表视察的规定\n代表视察应当提前五日通知被视察单位。\n';
    const doc = await loadDocument(writeGb18030(join(folder, 'gbk.txt'), text));
    expect(doc.sections[0].text).toContain('代表视察应当提前五日通知被视察单位。');
    expect(doc.title).toBe('某区人大常委会关于代表视察的规定');
  });

  it('strips a UTF-8 byte-order mark', async () => {
    const doc = await loadDocument(writeUtf8WithBom(join(folder, 'bom.md'), '# 工作要点\n\n一是加强监督。\n'));
    expect(doc.sections[0].text.startsWith('#')).toBe(true);
    expect(doc.title).toBe('工作要点');
    expect(doc.format).toBe('md');
  });

  it('uses the file name as the title when the text has no title line', async () => {
    const path = join(folder, '会议记录.txt');
    writeFileSync(path, '会议于上午九时开始，共有十二名委员出席，会议由副主任主持，听取了三个报告。\n');
    expect((await loadDocument(path)).title).toBe('会议记录');
  });

  it('never takes a numbered section heading for the title', async () => {
    const path = join(folder, '2022年工作报告.txt');
    writeFileSync(path, '各位代表：\n现在，我代表区人民政府向大会报告工作。\n一、2021年工作回顾\n过去一年，全区经济平稳运行。\n');
    expect((await loadDocument(path)).title).toBe('2022年工作报告');
  });

  it('reads UTF-16 text that carries a byte-order mark', async () => {
    const path = join(folder, 'utf16.txt');
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('区人大常委会工作要点\n一是加强监督。\n', 'utf16le')]));
    const doc = await loadDocument(path);
    expect(doc.title).toBe('区人大常委会工作要点');
    expect(doc.sections[0].text).toContain('一是加强监督。');
  });

  it('refuses binary junk named .txt', async () => {
    const path = join(folder, 'junk.txt');
    writeFileSync(path, binaryJunk(4096));
    const error = await refusal(path);
    expect(error.code).toBe('binary_file');
    expect(error.userMessage).toContain('不是文本');
  });

  it('refuses junk without NUL bytes that decodes to nothing readable', async () => {
    const path = join(folder, 'noise.txt');
    writeFileSync(path, Buffer.from(binaryJunk(4096).map((b) => (b < 0x80 ? b | 0x80 : b))));
    const error = await refusal(path);
    expect(['undecodable_text', 'binary_file']).toContain(error.code);
  });
});

describe('bad input common to all formats', () => {
  it('refuses an empty file', async () => {
    const path = join(folder, 'empty.md');
    writeFileSync(path, '');
    const error = await refusal(path);
    expect(error.code).toBe('empty_file');
    expect(error.userMessage).toContain('空');
  });

  it('refuses a file of only blank lines', async () => {
    const path = join(folder, 'blank.txt');
    writeFileSync(path, '\n \n\t\n');
    expect((await refusal(path)).code).toBe('empty_file');
  });

  it('refuses an unsupported type, naming the types it reads', async () => {
    const path = join(folder, 'table.xls');
    writeFileSync(path, binaryJunk(100));
    const error = await refusal(path);
    expect(error.code).toBe('unsupported_type');
    expect(error.userMessage).toContain('.xls');
    expect(error.userMessage).toContain('.pdf');
  });

  it('refuses a file over the size limit without reading it', async () => {
    const path = join(folder, 'huge.txt');
    // A sparse file: over the limit on paper, no disk or memory used.
    writeFileSync(path, '');
    truncateSync(path, MAX_DOCUMENT_BYTES + 1);
    const error = await refusal(path);
    expect(error.code).toBe('file_too_large');
    expect(error.userMessage).toContain('50 MB');
  });

  it('refuses a missing file', async () => {
    expect((await refusal(join(folder, 'nowhere.md'))).code).toBe('file_missing');
  });

  it('states its size limit and the formats it reads', () => {
    expect(MAX_DOCUMENT_BYTES).toBe(50 * 1024 * 1024);
    expect(SUPPORTED_EXTENSIONS).toEqual(expect.arrayContaining(['.pdf', '.docx', '.md', '.txt']));
  });
});
