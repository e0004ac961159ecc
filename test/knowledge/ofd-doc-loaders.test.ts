/**
 * OFD, legacy .doc and .wps: real files (OFD zips written with jszip here; a .doc LibreOffice
 * saved, see test/fixtures/make-doc-fixture.ts), read in reading order with tables as rows; broken
 * and bomb-like files get a Chinese reason and leave the stored knowledge base as it was.
 */
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.ts';
import { loadDocument } from '../../src/knowledge/loaders/index.ts';
import { openBoundedZip, ZipError } from '../../src/knowledge/loaders/bounded-zip.ts';
import { binaryJunk, tempFolder, writeDocx } from '../fixtures/documents.ts';
import { DOC_FIXTURE } from '../fixtures/make-doc-fixture.ts';
import { ofdZip, writeOfd, writeZip } from '../fixtures/ofd.ts';
import { openStockedKnowledgeBase, type StockedKnowledgeBase } from '../support/kb-fixtures.ts';

const folder = tempFolder('lvzhi-ofd-doc-');
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const DOC = join(process.cwd(), 'test/fixtures/files/视察通知.doc');

async function refusal(path: string): Promise<UserError> {
  const error = await loadDocument(path).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('OFD loader', () => {
  it('reads text objects in reading order, page by page, with the template under each page', async () => {
    const path = await writeOfd(join(folder, '通知.ofd'), {
      title: '关于召开区人大常委会第十二次会议的通知',
      template: [{ x: 40, y: 20, text: '某区人大常委会办公室文件', size: 8 }],
      pages: [
        [
          // Written out of order, and one line split into two objects, right half first.
          { x: 25, y: 80, text: '第二条 会议议程由主任会议拟订。' },
          { x: 70, y: 60, text: '每两个月举行一次。' },
          { x: 25, y: 60, text: '第一条 常务委员会会议' },
        ],
        [{ x: 25, y: 50, text: '第三条 会议日程由主任会议决定。' }],
      ],
    });
    const doc = await loadDocument(path);
    expect(doc.format).toBe('ofd');
    expect(doc.title).toBe('关于召开区人大常委会第十二次会议的通知');
    expect(doc.sections.map((s) => s.page)).toEqual([1, 2]);
    expect(doc.sections[0].text.split('\n')).toEqual([
      '某区人大常委会办公室文件',
      '第一条 常务委员会会议每两个月举行一次。',
      '第二条 会议议程由主任会议拟订。',
    ]);
    expect(doc.sections[1].text).toContain('第三条 会议日程由主任会议决定。');
  });

  it('refuses a corrupt OFD, one without OFD.xml and one with broken XML, in Chinese', async () => {
    const junk = join(folder, 'junk.ofd');
    writeFileSync(junk, binaryJunk(3000));
    const noRoot = ofdZip({ pages: [[{ x: 10, y: 10, text: '正文' }]] }).remove('OFD.xml');
    const broken = ofdZip({ pages: [[{ x: 10, y: 10, text: '正文' }]] });
    broken.file('Doc_0/Pages/Page_0/Content.xml', '<ofd:Page xmlns:ofd="x"><ofd:Content><ofd:Layer>');
    for (const path of [junk, await writeZip(join(folder, 'no-root.ofd'), noRoot), await writeZip(join(folder, 'broken.ofd'), broken)]) {
      const error = await refusal(path);
      expect(error.code).toBe('ofd_corrupt');
      expect(error.userMessage).toBe('OFD 文件已损坏或格式不正确，无法读取。');
    }
  });

  it('refuses an OFD with no text objects, pointing to PDF for scans', async () => {
    const error = await refusal(await writeOfd(join(folder, 'scan.ofd'), { pages: [[]] }));
    expect(error.code).toBe('ofd_no_text');
    expect(error.userMessage).toContain('扫描');
  });
});

describe('bounded zip reading', () => {
  const zipOf = async (files: Record<string, Buffer>) => {
    const zip = new JSZip();
    for (const [name, data] of Object.entries(files)) zip.file(name, data);
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  };

  it('stops inflating an entry at its limit and the archive at its total, whatever the sizes declare', async () => {
    const bytes = await zipOf({ 'a.xml': Buffer.alloc(5000, 0x20), 'b.xml': Buffer.alloc(3000, 0x20) });
    const small = openBoundedZip(bytes, { maxEntries: 10, maxEntryBytes: 4000, maxTotalBytes: 6000 });
    expect(() => small.read('a.xml')).toThrow(expect.objectContaining({ problem: 'too_large' }));
    const total = openBoundedZip(bytes, { maxEntries: 10, maxEntryBytes: 5000, maxTotalBytes: 6000 });
    expect(total.read('a.xml').length).toBe(5000);
    expect(() => total.read('b.xml')).toThrow(ZipError);
    expect(() => openBoundedZip(bytes, { maxEntries: 1, maxEntryBytes: 1e6, maxTotalBytes: 1e6 })).toThrow(/entries/);
  });

  it('reads stored and deflated entries and refuses truncated archives', async () => {
    const zip = new JSZip();
    zip.file('x/y.txt', '内容'.repeat(50));
    zip.file('stored.txt', '原样', { compression: 'STORE' });
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const opened = openBoundedZip(bytes);
    expect(opened.read('x/y.txt').toString()).toBe('内容'.repeat(50));
    expect(opened.read('stored.txt').toString()).toBe('原样');
    expect(() => openBoundedZip(bytes.subarray(0, bytes.length - 30))).toThrow(ZipError);
  });
});

describe('.doc and .wps loaders', () => {
  it('reads a Word 97-2003 .doc with its title, paragraphs and table rows', async () => {
    const doc = await loadDocument(DOC);
    expect(doc.format).toBe('doc');
    expect(doc.title).toBe(DOC_FIXTURE.title);
    const lines = doc.sections[0].text.split('\n');
    expect(lines).toContain(DOC_FIXTURE.body);
    const rows = DOC_FIXTURE.rows.map((cells) => `| ${cells.join(' | ')} |`);
    expect(lines.slice(lines.indexOf(DOC_FIXTURE.caption), lines.indexOf(DOC_FIXTURE.caption) + 4)).toEqual([DOC_FIXTURE.caption, ...rows]);
  });

  it('reads a .wps (WPS Office writes the same compound format) and a .doc that is really a .docx', async () => {
    const wps = join(folder, '视察通知.wps');
    copyFileSync(DOC, wps);
    const loaded = await loadDocument(wps);
    expect(loaded.format).toBe('wps');
    expect(loaded.sections[0].text).toContain(DOC_FIXTURE.closing);
    const renamed = join(folder, '改名.doc');
    copyFileSync(await writeDocx(join(folder, 'real.docx'), [{ heading: 1, text: '会议纪要' }, { text: '会议听取了报告。' }]), renamed);
    expect((await loadDocument(renamed)).sections[0].text).toContain('会议听取了报告。');
  });

  it('refuses a broken .doc and a .wps that is not a Word document, in Chinese', async () => {
    const doc = join(folder, 'broken.doc');
    writeFileSync(doc, Buffer.concat([readFileSync(DOC).subarray(0, 600), binaryJunk(2000)]));
    expect((await refusal(doc)).code).toBe('doc_corrupt');
    const wps = join(folder, 'old.wps');
    writeFileSync(wps, binaryJunk(2000, 5));
    const error = await refusal(wps);
    expect(error.code).toBe('wps_corrupt');
    expect(error.userMessage).toContain('WPS 文字');
  });
});

describe('OFD and .doc through the knowledge base', () => {
  let stocked: StockedKnowledgeBase;
  beforeAll(async () => void (stocked = await openStockedKnowledgeBase('lvzhi-ofd-kb-')));
  afterAll(() => stocked.close());

  it('skips an OFD zip bomb and a corrupt OFD with Chinese reasons, touching nothing stored', async () => {
    // 80 MB of spaces deflate to ~80 KB: over the 64 MB a single part may inflate to.
    const bomb = ofdZip({ pages: [[{ x: 10, y: 10, text: '正文' }]] });
    bomb.file('Doc_0/Pages/Page_0/Content.xml', Buffer.alloc(80 * 1024 * 1024, 0x20));
    const bombPath = await writeZip(join(stocked.root, 'bomb.ofd'), bomb);
    const corrupt = join(stocked.root, 'corrupt.ofd');
    writeFileSync(corrupt, binaryJunk(4000, 9));
    const report = await stocked.kb.ingest([bombPath, corrupt]);
    expect(report.skipped).toEqual([
      { path: bombPath, reason: expect.stringContaining('解压后的内容超过上限') },
      { path: corrupt, reason: 'OFD 文件已损坏或格式不正确，无法读取。' },
    ]);
    expect(stocked.storedRows()).toEqual(stocked.before);
  });

  it('answers a question about a table cell of a .doc with the row and its caption', async () => {
    const report = await stocked.kb.ingest([DOC]);
    expect(report.added).toBe(1);
    const answer = await stocked.kb.ask('垃圾分类工作视察由哪个单位负责？');
    const top = answer.sources[0];
    expect(top.title).toBe(DOC_FIXTURE.title);
    expect(top.text).toContain(DOC_FIXTURE.caption);
    expect(top.text).toContain('| 垃圾分类工作视察 | 6月20日 | 代表工委 |');
  });
});
