/**
 * A figure from another year's report is never passed off as this year's: a question naming
 * 今年 or 去年 (no year written) answered from a dated document of another year says first whose
 * year the quote is; asked in that year, or naming it, the answer is as it was.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteKnowledgeBase, type OpenKnowledgeBase } from '../../src/knowledge/index.ts';
import { otherYearNote } from '../../src/knowledge/answering/period-note.ts';
import { tempDir } from '../support/kb-fixtures.ts';

const REPORT = `# 某区人大常委会2024年上半年工作总结

## 一、代表工作

上半年，组织代表进站接待选民42场次，收集群众意见建议153条，已全部转交有关部门办理。
`;

describe('an answer from another year\'s document', () => {
  const root = tempDir('lvzhi-period-');
  let kb: OpenKnowledgeBase;

  beforeAll(async () => {
    const library = join(root, 'library');
    mkdirSync(library, { recursive: true });
    writeFileSync(join(library, '某区人大常委会2024年上半年工作总结.md'), REPORT);
    kb = await openSqliteKnowledgeBase({ dataDir: join(root, 'data') });
    await kb.ingest([library]);
  });
  afterAll(() => {
    kb.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('says first that the quote is of 2024 when 今年 is 2026, and quotes it still', async () => {
    const answer = await kb.ask('今年组织代表进站接待选民多少场次？', { today: '2026-03-10' });
    expect(answer.found).toBe(true);
    const [first, second] = answer.answer.split('\n');
    expect(first).toBe('注意：下面引的《某区人大常委会2024年上半年工作总结》说的是2024年的情况，不是您问的“今年”（2026年）的。');
    expect(second).toContain('42场次');
  });

  it('answers as before in 2024, for a question naming its year, or without a date to compare', async () => {
    for (const [question, today] of [
      ['今年组织代表进站接待选民多少场次？', '2024-07-10'],
      ['2024年上半年组织代表进站接待选民多少场次？', '2026-03-10'],
      ['今年组织代表进站接待选民多少场次？', undefined],
    ] as const) {
      const answer = await kb.ask(question, { today });
      expect(answer.found).toBe(true);
      expect(answer.answer).not.toContain('注意：');
      expect(answer.answer.split('\n')[0]).toContain('42场次');
    }
  });

  it('reads 去年 and 前年 from today, and a title spanning years as covering them', () => {
    const title = '某区人大常委会2024年上半年工作总结';
    expect(otherYearNote('去年接待了多少场次？', title, '2025-02-01')).toBeUndefined();
    expect(otherYearNote('去年接待了多少场次？', title, '2026-02-01')).toContain('不是您问的“去年”（2025年）');
    expect(otherYearNote('前年接待了多少场次？', title, '2026-02-01')).toBeUndefined();
    expect(otherYearNote('今年有什么重点工作？', '某区2023—2027年代表工作规划', '2026-02-01')).toBeUndefined();
    expect(otherYearNote('今年有什么重点工作？', '某区人大常委会议事规则', '2026-02-01')).toBeUndefined();
    expect(otherYearNote('代表建议多久答复？', title, '2026-02-01')).toBeUndefined();
  });
});
