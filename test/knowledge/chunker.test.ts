import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunkDocument, MAX_PASSAGE_CHARS } from '../../src/knowledge/chunking/chunker.ts';
import { loadDocument } from '../../src/knowledge/loaders/index.ts';
import type { LoadedDocument, PassageDraft } from '../../src/knowledge/types.ts';
import { tempFolder, writePdf } from '../fixtures/documents.ts';

const fixtures = resolve('test/fixtures');

async function chunkFile(path: string): Promise<PassageDraft[]> {
  return chunkDocument(await loadDocument(path));
}

const byLocation = (passages: PassageDraft[], location: string) => passages.filter((p) => p.location === location);

describe('chunker on a law (fixture)', async () => {
  const passages = await chunkFile(join(fixtures, 'county-rules.md'));

  it('makes one passage per short article, starting with its number, located by chapter', () => {
    const first = byLocation(passages, '第一章 › 第一条');
    expect(first).toHaveLength(1);
    expect(first[0].text).toMatch(/^第一条 为了规范/);
    const third = byLocation(passages, '第二章 › 第三条');
    expect(third).toHaveLength(1);
    // Both paragraphs (款) of the article stay together.
    expect(third[0].text).toContain('常务委员会会议由主任召集并主持。');
    expect(byLocation(passages, '第三章 › 第七条')[0].text).toContain('两个月内将研究处理情况');
  });

  it('never merges two articles into one passage', () => {
    for (const passage of passages) expect(passage.text.match(/(^|\n)第[一二三四五六七八九十]+条 /g)?.length ?? 0).toBeLessThanOrEqual(1);
    const articles = passages.filter((p) => /第[一二三四五六七八九十]+条$/.test(p.location));
    expect(new Set(articles.map((p) => p.location)).size).toBe(8);
  });

  it('keeps the title and chapter/section headings as context, with tidy spacing', () => {
    const first = byLocation(passages, '第一章 › 第一条')[0];
    expect(first.context).toContain('某县人民代表大会常务委员会工作规则');
    expect(first.context).toContain('第一章 总则');
    const fourth = byLocation(passages, '第二章 › 第四条')[0];
    expect(fourth.context).toContain('第二章 会议的召开');
    expect(fourth.context).toContain('第一节 会议的召集');
  });

  it('cuts an article longer than the limit at item boundaries, every part keeping the article number', () => {
    const parts = byLocation(passages, '第二章 › 第五条');
    expect(parts.length).toBeGreaterThan(1);
    expect(parts[0].text).toMatch(/^第五条 /);
    for (const part of parts) {
      expect(part.text.length).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
      // Every part begins at an item or the article itself, never mid-sentence.
      expect(part.text).toMatch(/^(第五条|（[一二三四五六七八九]）)/);
    }
    // Later parts carry the article's opening words as context, so "下列事项" has a referent.
    expect(parts[1].context).toContain('第五条 主任会议拟订常务委员会会议议程草案。');
    // Nothing lost, nothing repeated.
    const joined = parts.map((p) => p.text).join('');
    expect(joined).toContain('（一）听取和审议县人民政府关于国民经济');
    expect(joined).toContain('（九）其他需要常务委员会审议的事项。');
  });

  it('keeps the note under the title (题注) as a passage of its own, without the title', () => {
    expect(passages[0].text).toBe('（2024年3月1日某县第十八届人民代表大会常务委员会第十五次会议通过）');
    expect(passages[0].location).toBe('题注');
  });

  it('drops the title printed again over two lines above the text', () => {
    const doc: LoadedDocument = {
      path: '/x/rules.md',
      title: '某县人民代表大会常务委员会工作规则',
      format: 'md',
      sections: [{ text: '# 某县人民代表大会常务委员会工作规则\n\n某县人民代表大会\n常务委员会工作规则\n\n第一条 为了规范工作，制定本规则。' }],
    };
    expect(chunkDocument(doc).map((p) => p.text)).toEqual(['第一条 为了规范工作，制定本规则。']);
  });
});

describe('chunker on a report with 一、（一）', async () => {
  const passages = await chunkFile(join(fixtures, 'district-report.md'));

  it('locates passages by their heading path', () => {
    const supervision = passages.find((p) => p.text.startsWith('（一）加强监督工作'));
    expect(supervision?.location).toBe('一、主要工作 › （一）加强监督工作');
    expect(supervision?.context).toContain('某区人大常委会2024年上半年工作总结');
    const deputies = passages.find((p) => p.text.includes('交办代表建议56件'));
    expect(deputies?.location).toBe('一、主要工作 › （二）做好代表工作');
  });

  it('merges short paragraphs under one heading, and only under one heading', () => {
    const problems = passages.filter((p) => p.location === '二、存在的问题');
    expect(problems).toHaveLength(1);
    expect(problems[0].text).toContain('跟踪问效有待加强。\n代表履职培训');
    expect(passages.find((p) => p.text.includes('一是突出监督重点'))?.location).toBe('三、下半年工作安排');
  });
});

describe('chunker on long paragraphs and PDF pages', () => {
  const sentence = '区人大常委会组织代表深入基层开展专题调研，听取群众意见建议，形成调研报告并提交主任会议研究。';
  const longParagraph = Array.from({ length: 30 }, () => sentence).join('');

  it('cuts a long paragraph at sentence ends into even parts within the limit', () => {
    const doc: LoadedDocument = { path: '/x/speech.txt', title: '讲话', format: 'txt', sections: [{ text: longParagraph }] };
    const passages = chunkDocument(doc);
    expect(passages.length).toBeGreaterThan(1);
    for (const p of passages) {
      expect(p.text.length).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
      expect(p.text.endsWith('。')).toBe(true);
      expect(p.text.length).toBeGreaterThan(MAX_PASSAGE_CHARS / 2);
    }
    expect(passages.map((p) => p.text).join('')).toBe(longParagraph);
  });

  it('locates PDF passages by page, adding the article, and follows an article across a page break', () => {
    const doc: LoadedDocument = {
      path: '/x/rules.pdf',
      title: '议事规则',
      format: 'pdf',
      sections: [
        { page: 1, text: '议事规则\n第一章 总则\n第一条 为了规范议事程序，制定本规则。\n第二条 常务委员会会议由主任召集，' },
        { page: 2, text: '并由主任主持。\n第三条 本规则自通过之日起施行。' },
      ],
    };
    const passages = chunkDocument(doc);
    expect(passages.map((p) => p.location)).toEqual(['第1页 › 第一条', '第1页 › 第二条', '第2页 › 第二条', '第2页 › 第三条']);
    expect(passages.map((p) => p.page)).toEqual([1, 1, 2, 2]);
    expect(passages[2].text).toBe('并由主任主持。');
    expect(passages[2].context).toContain('第二条 常务委员会会议由主任召集，');
  });
});

describe('chunker on loaded files', () => {
  it('cuts a real Chinese PDF into page-and-article passages', async () => {
    const folder = tempFolder();
    try {
      const pdf = await writePdf(join(folder, 'rules.pdf'), {
        pageNumbers: true,
        pages: [
          ['某区人民代表大会常务委员会议事规则', '第一条 常务委员会会议一般每两个月举行一次。', '第二条 常务委员会会议由主任召集并主持。'],
          ['第三条 代表视察应当提前七日通知参加视察的代表。'],
        ],
      });
      const passages = await chunkFile(pdf);
      // The title line is context, not a passage of its own.
      expect(passages.map((p) => p.location)).toEqual(['第1页 › 第一条', '第1页 › 第二条', '第2页 › 第三条']);
      expect(passages[2].text).toBe('第三条 代表视察应当提前七日通知参加视察的代表。');
      expect(passages[2].page).toBe(2);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('drops a web page toolbar pasted above the text', () => {
    const doc: LoadedDocument = {
      path: '/x/report.txt',
      title: '工作报告',
      format: 'txt',
      sections: [{ text: '下载\n打印\n全屏\n【字号：\n加大\n】\n工作报告\n各位代表：\n现在，我代表区人民政府向大会报告工作。' }],
    };
    const text = chunkDocument(doc).map((p) => p.text).join('\n');
    expect(text).not.toContain('打印');
    expect(text).toContain('各位代表：\n现在，我代表区人民政府向大会报告工作。');
  });
});

const shared = resolve('../shared');
const corpus = join(shared, 'corpus');
if (!existsSync(corpus)) console.warn('[chunker.test] ../shared/corpus is absent: skipping the real-law chunker tests');

describe.skipIf(!existsSync(corpus))('chunker on the real laws in ../shared/corpus', () => {
  it('cuts the NPCSC rules of procedure into one passage per article with chapter locations', async () => {
    const passages = await chunkFile(join(corpus, 'npcsc-procedure-rules-2022.md'));
    const articles = passages.filter((p) => /第[一二三四五六七八九十]+条$/.test(p.location));
    // 52 articles, all short enough to stand whole.
    expect(articles).toHaveLength(52);
    expect(new Set(articles.map((p) => p.location)).size).toBe(52);
    const sixth = byLocation(passages, '第二章 › 第六条')[0];
    expect(sixth.text).toMatch(/^第六条 全国人民代表大会常务委员会会议一般每两个月举行一次/);
    expect(sixth.context).toContain('第二章 会议的召开');
    expect(byLocation(passages, '第五章 › 第四十二条')[0]?.text).toMatch(/^第四十二条/);
  });

  it('keeps every passage of every corpus document within the limit', async () => {
    for (const name of readdirSync(corpus).filter((f) => f.endsWith('.md') && f !== 'SOURCES.md')) {
      const passages = await chunkFile(join(corpus, name));
      expect(passages.length).toBeGreaterThan(10);
      for (const p of passages) expect(p.text.length, `${name} ${p.location}`).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
    }
  });
});
