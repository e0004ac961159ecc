/**
 * Bounded input for the knowledge base: zip bombs and oversized Word files are refused with a
 * Chinese reason naming the file, in moments, while the rest of the folder is ingested; a text
 * too large or too long is refused at once; UTF-16 text with and without BOM is read; hidden
 * files are reported; escape sequences and bidi marks never reach a stored title or passage.
 * (Peak memory of each refusal is measured by `scripts/bench-bad-input.ts`.)
 */
import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openSqliteKnowledgeBase, type OpenKnowledgeBase } from '../../src/knowledge/index.ts';
import { MAX_PASSAGES_PER_DOCUMENT, MAX_TEXT_BYTES } from '../../src/knowledge/loaders/index.ts';
import { tempFolder } from '../support/temp-folders.ts';
import { writeDocxOfParagraphs, writeDocxWithEntries } from '../../scripts/bad-files.ts';

const CHINESE = /[\u4e00-\u9fff]/;
let kb: OpenKnowledgeBase;
let folder: string;
let report: Awaited<ReturnType<OpenKnowledgeBase['ingest']>>;

const UTF16_TEXT = '# 代表联络站工作规定\n\n第一条 代表联络站每月第一个星期三接待选民，由两名以上代表参加。\n';

function utf16(text: string, order: 'le' | 'be', bom: boolean): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const bytes = order === 'le' ? le : Buffer.from(le.map((_, i) => le[i ^ 1]));
  const mark = order === 'le' ? Buffer.from([0xff, 0xfe]) : Buffer.from([0xfe, 0xff]);
  return bom ? Buffer.concat([mark, bytes]) : bytes;
}

beforeAll(async () => {
  const root = tempFolder('lvzhi-bounded-');
  folder = join(root, 'incoming');
  mkdirSync(join(folder, '.git'), { recursive: true });
  // A bomb that states its size, one that lies about it, one of too many entries, one just too big.
  await writeDocxOfParagraphs(join(folder, 'bomb.docx'), 3_000_000);
  await writeDocxOfParagraphs(join(folder, 'lying-bomb.docx'), 3_000_000, { declaredSize: 20_000 });
  await writeDocxOfParagraphs(join(folder, 'dense.docx'), 80_000, { declaredSize: 20_000 });
  writeDocxWithEntries(join(folder, 'many-parts.docx'), 6000);
  await writeDocxOfParagraphs(join(folder, 'thick.docx'), 140_000);
  writeFileSync(join(folder, 'huge.txt'), '');
  truncateSync(join(folder, 'huge.txt'), MAX_TEXT_BYTES + 1); // sparse: nothing written
  writeFileSync(join(folder, 'articles.txt'),
    Array.from({ length: MAX_PASSAGES_PER_DOCUMENT + 50 }, (_, i) => `第${i + 1}条 常务委员会第${i + 1}项规定。\n\n`).join(''));
  writeFileSync(join(folder, 'utf16le-bom.txt'), utf16(UTF16_TEXT.replace('联络站', '联络站（一）'), 'le', true));
  writeFileSync(join(folder, 'utf16le.txt'), utf16(UTF16_TEXT.replace('代表联络站工作规定', '代表之家工作规定'), 'le', false));
  writeFileSync(join(folder, 'utf16be.txt'), utf16(UTF16_TEXT.replace('代表联络站工作规定', '选民接待工作规定'), 'be', false));
  writeFileSync(join(folder, '.secret.md'), '# 隐藏\n\n第一条 不应导入。\n');
  writeFileSync(join(folder, '.git', 'config'), '[core]\n');
  writeFileSync(join(folder, 'escapes.md'),
    '# \u001b[31m信访\u202e工作\u0007规定\u001b[0m\n\n第一条 \u001b]0;pwned\u0007信访件应当在十五日内\u200b告知\u202e处理意见。\n\n' +
    '第二条 信访工作坚持属地管理、分级负责，谁主管、谁负责，依法、及时、就地解决问题与疏导教育相结合的原则。\n'.repeat(20));
  kb = await openSqliteKnowledgeBase({ dataDir: join(root, 'data'), warn: () => undefined });
  const started = performance.now();
  report = await kb.ingest([folder]);
  // Not a timing assertion: a bomb inflated by the parser takes minutes and gigabytes; refused, moments.
  expect(performance.now() - started).toBeLessThan(60_000);
}, 120_000);

const reasonFor = (name: string) => report.skipped.find((s) => s.path.endsWith(name))?.reason;

describe('oversized and hostile Word files', () => {
  it('refuses a zip bomb with a reason that names the file', () => {
    expect(reasonFor('bomb.docx')).toMatch(/“bomb\.docx”解压后的内容超过 12 MB/);
  });

  it('refuses a bomb that lies about its size, once inflating shows it', () => {
    expect(reasonFor('lying-bomb.docx')).toMatch(/“lying-bomb\.docx”解压后的内容超过 12 MB/);
  });

  it('refuses a part inflating a thousandfold, even under the size limit', () => {
    expect(reasonFor('dense.docx')).toMatch(/“dense\.docx”解压后的体积是压缩时的 100 倍以上/);
  });

  it('refuses a file of thousands of parts', () => {
    expect(reasonFor('many-parts.docx')).toMatch(/“many-parts\.docx”里的内部文件超过 5000 个/);
  });

  it('refuses a real but overlong document, asking to split it', () => {
    expect(reasonFor('thick.docx')).toMatch(/解压后的内容超过 12 MB.*拆分/);
  });
});

describe('large text', () => {
  it('refuses a text file over 10 MB at once', () => {
    expect(reasonFor('huge.txt')).toMatch(/文本文件超过 10 MB/);
  });

  it('refuses a document of more passages than the limit', () => {
    expect(reasonFor('articles.txt')).toMatch(new RegExp(`上限是 ${MAX_PASSAGES_PER_DOCUMENT} 段`));
  });
});

describe('encodings and names', () => {
  it.each([
    ['utf16le-bom.txt', '代表联络站（一）工作规定'],
    ['utf16le.txt', '代表之家工作规定'],
    ['utf16be.txt', '选民接待工作规定'],
  ])('reads %s as text', async (name, title) => {
    expect(reasonFor(name)).toBeUndefined();
    const document = (await kb.store.findDocument(name));
    expect(document?.title).toBe(title);
    const [best] = await kb.search(`${title.slice(0, 4)}每月什么时候接待选民`, 1);
    expect(best.passage.text).toContain('每月第一个星期三接待选民');
  });

  it('reports hidden files and folders as skipped instead of passing over them silently', () => {
    for (const name of ['.secret.md', '.git']) {
      expect(reasonFor(name), name).toMatch(/隐藏文件/);
    }
    expect(report.skipped.some((s) => s.path.endsWith('config'))).toBe(false); // a hidden folder once, not its contents
  });

  it('stores titles and passages without escape sequences, control or bidi characters', async () => {
    expect(reasonFor('escapes.md')).toBeUndefined();
    expect((await kb.store.findDocument('escapes.md'))?.title).toBe('信访工作规定');
    const [best] = await kb.search('信访件多久告知处理意见', 1);
    expect(best.passage.text).toBe('第一条 信访件应当在十五日内告知处理意见。');
  });

  it('every reason is Chinese, and the good files of the folder are ingested', () => {
    for (const skipped of report.skipped) expect(skipped.reason).toMatch(CHINESE);
    expect(report.added).toBe(4);
  });
});
