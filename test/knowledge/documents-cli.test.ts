/**
 * Documents as the office keeps them, through the real CLI (CONTRACTS.md `ingest`, `docs`,
 * `remove`, `status`): two 通知.md from two folders stay two documents, one can be removed
 * without touching the other and never comes back in an answer, `--scope` files a document
 * under a department, and of two versions of a rule the newer is in force.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, runCliInProcess } from '../support/cli-process.ts';
import { tempDir } from '../support/kb-fixtures.ts';

const OFFICE_NOTICE = '# 关于召开机关座谈会的通知\n\n定于12月5日上午9时在三楼第二会议室召开机关工作座谈会，请各科室负责人准时参加。\n';
const DEPUTIES_NOTICE = '# 关于举办代表履职培训班的通知\n\n代表履职培训班定于12月8日在区委党校举办，请各代表小组组织代表参加。\n';
const RULES_2019 = '# 常务委员会议事规则（2019年修订）\n\n第五条 常务委员会组成人员在全体会议上的发言，每人每次不超过十五分钟。\n\n第九条 列席人员发言须经会议主持人同意，发言时间由主持人安排。\n';
const RULES_2024 = '# 常务委员会议事规则（2024年修正）\n\n第五条 常务委员会组成人员在全体会议上的发言，每人每次不超过十分钟。\n';

let root: string;
let shelf: string;
const data = () => join(root, 'data');
// In-process through the same runCli the process runs; the department-folder case spawns the real CLI.
const cli = (...args: string[]) => runCliInProcess([...args, '--data', data(), '--json']);
const json = (run: { stdout: string }) => JSON.parse(run.stdout);

function write(path: string, text: string): string {
  const full = join(shelf, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, text);
  return full;
}

beforeAll(() => {
  root = tempDir('lvzhi-docs-cli-');
  shelf = join(root, 'shelf');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('document identity, docs and remove', () => {
  it('keeps two same-name files from two folders as two documents, and lists them', async () => {
    const first = await cli('ingest', write('办公室/通知.md', OFFICE_NOTICE));
    const second = await cli('ingest', write('代表工委/通知.md', DEPUTIES_NOTICE));
    expect(json(first)).toMatchObject({ added: 1, updated: 0 });
    expect(json(second)).toMatchObject({ added: 1, updated: 0 });
    const { documents } = json(await cli('docs'));
    expect(documents).toEqual([
      { doc: '代表工委/通知.md', title: '关于举办代表履职培训班的通知', passages: 1, added_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), scope: '公共', status: 'in_force' },
      { doc: '办公室/通知.md', title: '关于召开机关座谈会的通知', passages: 1, added_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), scope: '公共', status: 'in_force' },
    ]);
    // Re-ingesting the same path updates that one document only.
    const changed = await cli('ingest', write('办公室/通知.md', OFFICE_NOTICE.replace('三楼第二会议室', '五楼报告厅')));
    expect(json(changed)).toMatchObject({ added: 0, updated: 1 });
    expect(json(await cli('docs')).documents).toHaveLength(2);
  }, 240_000);

  it('removes one document: it is gone from docs and from every answer, the other stays', async () => {
    const asked = json(await cli('ask', '机关座谈会在哪里召开'));
    expect(asked.sources[0].doc).toBe('办公室/通知.md');
    const removed = await cli('remove', '办公室/通知.md');
    expect(removed.status).toBe(0);
    expect(json(removed)).toEqual({ removed: { doc: '办公室/通知.md', passages: 1 } });
    expect(json(await cli('docs')).documents.map((d: { doc: string }) => d.doc)).toEqual(['代表工委/通知.md']);
    const after = json(await cli('ask', '机关座谈会在哪里召开'));
    expect(after.sources.map((s: { doc: string }) => s.doc)).not.toContain('办公室/通知.md');
    expect(after.answer).not.toContain('报告厅');
    expect(json(await cli('ask', '代表履职培训班在哪里举办')).sources[0].doc).toBe('代表工委/通知.md');
  }, 240_000);

  it('refuses an unknown document with exit 1 and a Chinese reason, storing nothing', async () => {
    const unknown = await cli('remove', '通知.md');
    expect(unknown.status).toBe(1);
    expect(json(unknown).error).toEqual({ code: 'unknown_document', message: expect.stringMatching(/知识库里没有“通知\.md”/) });
    expect(json(await cli('docs')).documents).toHaveLength(1);
  }, 120_000);

  it('files a document under the department --scope names', async () => {
    const report = await cli('ingest', write('内部/名单.md', '# 代表工委内部名单\n\n代表工委联系人为张三。\n'), '--scope', '代表工委');
    expect(json(report)).toMatchObject({ added: 1 });
    expect(json(await cli('docs')).documents.find((d: { doc: string }) => d.doc === '内部/名单.md')).toMatchObject({ scope: '代表工委' });
    const bad = await cli('ingest', join(shelf, '内部/名单.md'), '--scope', '代表/工委');
    expect(bad.status).toBe(1);
    expect(json(bad).error.code).toBe('bad_scope');
  }, 240_000);

  it('puts a folder whose name is a department (LVZHI_SCOPES) into that department', async () => {
    write('库/财经工委/预算说明.md', '# 预算审查说明\n\n预算初审意见应当在会议举行的十五日前送交。\n');
    write('库/综合/值班表.md', '# 值班安排\n\n元旦假期由办公室安排值班。\n');
    const run = await runCli(['ingest', join(shelf, '库'), '--data', data(), '--json'],
      { env: { ...process.env, LVZHI_SCOPES: '财经工委=telegram:222' }, timeoutMs: 120_000 });
    expect(json(run)).toMatchObject({ added: 2 });
    const documents: Array<{ doc: string; scope: string }> = json(await cli('docs')).documents;
    expect(documents.find((d) => d.doc === '财经工委/预算说明.md')?.scope).toBe('财经工委');
    expect(documents.find((d) => d.doc === '综合/值班表.md')?.scope).toBe('公共');
  }, 240_000);
});

describe('versions of a rule', () => {
  it('marks the older edition superseded, cites the one in force, and says so when only the old one answers', async () => {
    await cli('ingest', write('规则/议事规则2019.md', RULES_2019));
    await cli('ingest', write('规则/议事规则2024.md', RULES_2024));
    const documents: Array<{ doc: string; status: string }> = json(await cli('docs')).documents;
    expect(documents.find((d) => d.doc === '规则/议事规则2019.md')?.status).toBe('superseded');
    expect(documents.find((d) => d.doc === '规则/议事规则2024.md')?.status).toBe('in_force');

    const both = json(await cli('ask', '全体会议上发言每人每次不超过多少分钟'));
    expect(both.sources[0].doc).toBe('规则/议事规则2024.md');
    expect(both.answer).toContain('十分钟');
    expect(both.answer).not.toContain('替代的版本');

    const oldOnly = json(await cli('ask', '列席人员发言须经谁同意'));
    expect(oldOnly.sources[0].doc).toBe('规则/议事规则2019.md');
    expect(oldOnly.answer).toContain('（该条出自已被《常务委员会议事规则（2024年修正）》替代的版本）');

    // An admin can set it back by hand.
    const set = await cli('status', '规则/议事规则2019.md', 'in_force');
    expect(json(set).document).toMatchObject({ doc: '规则/议事规则2019.md', status: 'in_force' });
    expect(json(await cli('ask', '列席人员发言须经谁同意')).answer).not.toContain('替代的版本');
    expect((await await cli('status', '规则/议事规则2019.md', '作废')).status).toBe(1);
  }, 300_000);
});
