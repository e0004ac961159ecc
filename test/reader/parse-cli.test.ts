import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { today } from '../../src/time/index.ts';
import { runCli, runCliInProcess } from '../support/cli-process.ts';

// What the evaluation runner and scripts see: the first case in a real process (this group's
// smoke test), the rest in-process through the same runCli.
const data = mkdtempSync(join(tmpdir(), 'lvzhi-parse-'));
afterAll(() => rmSync(data, { recursive: true, force: true }));

const cli = (args: string[], input?: string) => runCliInProcess([...args, '--data', data], { input });


describe('parse TEXT --now D --json', () => {
  it('prints exactly the log shape of CONTRACTS.md', async () => {
    const r = await runCli(['parse', '6月12日组织代表视察了安全生产工作', '--now', '2023-07-05', '--json', '--data', data]);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const activity = { kind: 'inspection', date: '2023-06-12', title: '组织代表视察了安全生产工作' };
    expect(JSON.parse(r.stdout)).toEqual({ intent: 'log', activities: [activity], activity });
  });

  it('lists every activity of a message, keeps a range\'s last day, and flags a date after --now', async () => {
    const lines = [
      { now: '2023-07-05', text: '6月12日视察了城区防汛工作，6月15日听取了区法院关于执行工作的报告' },
      { now: '2023-11-30', text: '11月20日至22日开展执法检查' },
      { now: '2026-12-01', text: '12月20日组织代表视察学校食堂' },
      { now: '2026-12-01', text: '13月5日组织代表视察了学校食堂' },
    ].map((x) => JSON.stringify(x)).join('\n');
    const out = (await cli(['parse', '--batch', '--json'], lines)).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out[0].activities.map((a: { date: string; kind: string }) => [a.date, a.kind])).toEqual([['2023-06-12', 'inspection'], ['2023-06-15', 'report_review']]);
    expect(out[0].confirm).toBeUndefined();
    expect(out[1].activity).toMatchObject({ kind: 'law_check', date: '2023-11-20', to: '2023-11-22' });
    expect(out[2]).toMatchObject({ intent: 'log', confirm: 'future', activity: { date: '2026-12-20' } });
    expect(out[3]).toEqual({ intent: 'unclear', question: expect.stringContaining('13月') });
  });

  it('exits 1 with a Chinese error for empty text and for a bad --now', async () => {
    const empty = await cli(['parse', '', '--now', '2023-07-05', '--json']);
    expect(empty.status).toBe(1);
    const error = JSON.parse(empty.stdout).error;
    expect(error.code).toBe('empty_text');
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);

    const bad = await cli(['parse', '上半年视察了几次', '--now', '2023-02-30', '--json']);
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout).error).toMatchObject({ code: 'bad_date' });
    expect(bad.stdout).not.toMatch(/at .*\.ts:\d+/); // never a stack trace
  });

  it('prints Chinese without --json', async () => {
    const human = await cli(['parse', '列出上个月的调研', '--now', '2023-07-05']);
    expect(human.status).toBe(0);
    expect(human.stdout).toContain('列出活动');
    expect(human.stdout).toContain('调研');
    expect(human.stdout).toContain('2023-06-01');
  });
});

describe('parse --batch --json', () => {
  it('prints one result per input line, in order, with every shape', async () => {
    const lines = [
      { now: '2023-07-05', text: '视察的时候代表能不能当场处理问题' },
      { now: '2023-07-05', text: '帮我写一段上半年监督工作的总结' },
      { now: '2023-07-05', text: '本周都有哪些活动' },
      { now: '2023-07-05', text: '撤销' },
      { now: '2023-07-05', text: '你能做什么' },
      { now: '2023-07-05', text: '好的' },
      { now: '2024-01-15', text: '11月份视察了几次' },
      { now: '2023-07-05', text: '上半年调研视察了几次' },
      { text: '今天开展专题调研' },
    ];
    const input = lines.map((l) => JSON.stringify(l)).join('\n') + '\n{not json\n' + JSON.stringify({ now: '2023-13-01', text: '视察' }) + '\n';
    const r = await cli(['parse', '--batch', '--json'], input);
    expect(r.status).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(11);
    expect(out[0]).toEqual({ intent: 'ask' });
    expect(out[1]).toEqual({ intent: 'draft' });
    expect(out[2]).toEqual({ intent: 'list', kinds: [], from: '2023-07-03', to: '2023-07-09' });
    expect(out[3]).toEqual({ intent: 'undo' });
    expect(out[4]).toEqual({ intent: 'help' });
    expect(out[5].intent).toBe('unclear');
    expect(out[5].question).toMatch(/例如/);
    expect(out[6]).toEqual({ intent: 'count', kinds: ['inspection'], from: '2023-11-01', to: '2023-11-30' });
    expect(out[7]).toEqual({ intent: 'count', kinds: ['inspection', 'research'], from: '2023-01-01', to: '2023-06-30' });
    expect(out[8]).toMatchObject({ intent: 'log', activity: { kind: 'research', date: today() } }); // no now: today
    expect(out[9].error.code).toBe('bad_line');
    expect(out[10].error.code).toBe('bad_date');
  });

  it('takes plain lines as the messages themselves, today from --now', async () => {
    const r = await cli(['parse', '--batch', '--now', '2023-07-05', '--json'], '上半年视察了几次\n\n{"text": "上个月调研了几次"}\n');
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l))).toEqual([
      { intent: 'count', kinds: ['inspection'], from: '2023-01-01', to: '2023-06-30' },
      { intent: 'count', kinds: ['research'], from: '2023-06-01', to: '2023-06-30' },
    ]);
  });

  it('documents the JSON Lines format of --batch in --help', async () => {
    for (const command of ['parse', 'ask']) {
      const r = await cli([command, '--help']);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('JSON Lines');
      expect(r.stdout).toContain(command === 'ask' ? '{"question": "' : '{"now": "2023-07-05", "text": "');
      expect(r.stdout).toContain('直接写');
    }
  });

  it('reads the kinds of the data folder\'s own kinds.json', async () => {
    const own = mkdtempSync(join(tmpdir(), 'lvzhi-kinds-'));
    try {
      writeFileSync(join(own, 'kinds.json'), JSON.stringify({
        kinds: [
          { id: 'hearing', label: '听证会', synonyms: ['听证'] },
          { id: 'other', label: '其他', synonyms: [] },
        ],
      }));
      const r = await runCliInProcess(['parse', '昨天组织立法听证', '--now', '2023-07-05', '--json', '--data', own]);
      expect(JSON.parse(r.stdout)).toMatchObject({ intent: 'log', activity: { kind: 'hearing', date: '2023-07-04' } });
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });
});
