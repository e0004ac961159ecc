/**
 * A question naming an article by number (第九条怎么规定的, 代表工作规则第九条) gets that article,
 * quoted and cited — of the document it names, or of the best-ranked one with a note naming the
 * other documents that also have such an article, so a quote from the wrong rules is never
 * taken for the one meant.
 */
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteKnowledgeBase, type OpenKnowledgeBase } from '../../src/knowledge/index.ts';
import { RULES, tempDir, writeLibrary } from '../support/kb-fixtures.ts';

const OTHER_RULES = `# 某区人大常委会代表工作规则

第八条 代表联络站每月至少开展一次接待选民活动。

第九条 代表小组活动每季度不少于一次，由代表小组组长召集。
`;

describe('an article named by its number', () => {
  const root = tempDir('lvzhi-named-article-');
  let kb: OpenKnowledgeBase;

  beforeAll(async () => {
    const library = writeLibrary(join(root, 'library'));
    writeFileSync(join(library, '代表工作规则.md'), OTHER_RULES);
    kb = await openSqliteKnowledgeBase({ dataDir: join(root, 'data') });
    await kb.ingest([library]);
  });
  afterAll(() => kb.close());

  it('quotes the article of the document the question names, in Chinese or Arabic numerals', async () => {
    const named = await kb.ask('代表工作规则第九条是怎么规定的', { k: 5 });
    expect(named.found).toBe(true);
    expect(named.sources[0].text).toContain('代表小组活动每季度不少于一次');
    expect(named.answer).not.toContain('也有第九条');
    const rules = await kb.ask('议事规则第9条', { k: 5 });
    expect(rules.sources[0].text).toBe(RULES.voting);
  });

  it('answers a bare 第九条 from the best-ranked document and names the other that has one', async () => {
    const bare = await kb.ask('第九条怎么规定的', { k: 5 });
    expect(bare.found).toBe(true);
    expect(bare.sources[0].location).toMatch(/第九条$/);
    expect(bare.answer).toMatch(/另有《某区(?:人民代表大会常务委员会议事规则|人大常委会代表工作规则)》也有第九条/);
  });

  it('says plainly when no document has the article', async () => {
    const missing = await kb.ask('第九十九条是什么', { k: 5 });
    expect(missing.found).toBe(false);
  });
});
