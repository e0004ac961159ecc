/**
 * `ingest` and `ask` on the command line (CONTRACTS.md): one JSON object on stdout, `ask
 * --batch` one line per question in order, user errors exit 1 with {"error"}. The first
 * ingest runs the real CLI process (this group's smoke test); the rest call the same command
 * line in-process.
 */
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binaryJunk } from '../fixtures/documents.ts';
import { runCli, runCliInProcess, type CliRun } from '../support/cli-process.ts';
import { tempDir, writeLibrary } from '../support/kb-fixtures.ts';

const CHINESE = /[\u4e00-\u9fff]/;

const cli = (args: string[], input?: string): Promise<CliRun> => runCliInProcess(args, { input });

let root: string;
let data: string;
let library: string;
let ingested: CliRun;

beforeAll(async () => {
  root = tempDir('lvzhi-kb-cli-');
  data = join(root, 'data');
  library = writeLibrary(join(root, 'library'));
  writeFileSync(join(library, 'table.xls'), binaryJunk(256));
  ingested = await runCli(['ingest', library, '--data', data, '--json'], { timeoutMs: 170_000 });
}, 180_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('ingest', () => {
  it('prints the report object and exits 0', () => {
    expect(ingested.status).toBe(0);
    const report = JSON.parse(ingested.stdout);
    expect(report).toEqual({ added: 3, updated: 0, unchanged: 0, skipped: [expect.objectContaining({ path: expect.stringContaining('table.xls') })], notes: [], chunks: expect.any(Number) });
    expect(report.skipped[0].reason).toMatch(CHINESE);
    expect(report.chunks).toBeGreaterThan(5);
  });

  it('saves both indexes it built, with no warning (the compiled search workers load)', () => {
    // A worker that cannot load in dist/ leaves the keyword index unsaved, rebuilt on every start.
    expect(ingested.stderr).not.toMatch(/could not be saved|ERR_MODULE_NOT_FOUND|"level":"(warn|error)"/);
    const files = readdirSync(data);
    expect(files.some((name) => name.endsWith('.bm25'))).toBe(true);
    expect(files.some((name) => name.endsWith('.hnsw'))).toBe(true);
  });
});

describe('ask and the errors', () => {
  let runs: Record<string, CliRun>;
  beforeAll(async () => {
    const batchInput = [
      JSON.stringify({ question: '区人大常委会多长时间开一次会？' }),
      '{"question": not json',
      JSON.stringify({ question: '' }),
      JSON.stringify({ question: '代表建议多久答复？' }),
      '代表建议多久答复？', // a plain line is the question itself
    ].join('\n') + '\n';
    const [one, human, batch, empty, noPath, missing, badK, again] = await Promise.all([
      cli(['ask', '常委会委员怎么请假？', '--k', '3', '--data', data, '--json']),
      cli(['ask', '常委会委员怎么请假？', '--data', data]),
      cli(['ask', '--batch', '--k', '2', '--data', data, '--json'], batchInput),
      cli(['ask', '   ', '--data', data, '--json']),
      cli(['ingest', '--data', data, '--json']),
      cli(['ingest', join(root, 'missing-folder'), '--data', data, '--json']),
      cli(['ask', '会议', '--k', 'zero', '--data', data, '--json']),
      cli(['ingest', library, '--data', data]),
    ]);
    runs = { one, human, batch, empty, noPath, missing, badK, again };
  }, 240_000);

  it('ask --json prints the answer object with k sources', () => {
    expect(runs.one.status).toBe(0);
    const answer = JSON.parse(runs.one.stdout);
    expect(answer.mode).toBe('extractive');
    expect(answer.answer).toMatch(/\[1\]/);
    expect(answer.sources).toHaveLength(3);
    for (const s of answer.sources) {
      expect(Object.keys(s).sort()).toEqual(['doc', 'location', 'score', 'text', 'title']);
    }
    expect(answer.sources[0].text).toContain('请假');
  });

  it('ask without --json answers in Chinese: the rule\'s sentence first, then the cited passage with its source', () => {
    expect(runs.human.status).toBe(0);
    const [lead] = runs.human.stdout.trim().split('\n');
    expect(lead).toMatch(/请假\[1\]。$/);
    expect(runs.human.stdout).toContain('[1] 《');
    expect(runs.human.stdout).not.toContain('[2] 《');
  });

  it('ask --batch answers each line in order (JSON Lines or plain questions), a bad line gets an error line', () => {
    expect(runs.batch.status).toBe(0);
    const lines = runs.batch.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    expect(lines[4]).toEqual(lines[3]);
    expect(lines[0].sources[0].text).toContain('每两个月');
    expect(lines[1].error.message).toMatch(CHINESE);
    expect(lines[2].error.code).toBe('empty_question');
    expect(lines[3].sources).toHaveLength(2);
    expect(lines[3].sources[0].text).toContain('三个月');
  });

  it.each([
    ['empty', 'empty_question'],
    ['noPath', 'no_paths'],
    ['missing', 'path_missing'],
    ['badK', 'bad_k'],
  ])('%s exits 1 with {"error": {code: %s, message}} in Chinese', (name, code) => {
    const run = runs[name];
    expect(run.status).toBe(1);
    const { error } = JSON.parse(run.stdout);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(CHINESE);
  });

  it('ingest without --json reports in Chinese, unchanged files counted', () => {
    expect(runs.again.status).toBe(0);
    expect(runs.again.stdout).toMatch(/未变化 3 个/);
    expect(runs.again.stdout).toContain('table.xls');
  });
});
