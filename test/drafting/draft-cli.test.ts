import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { runCli, runCliInProcess } from '../support/cli-process.ts';

// The command line as the drafting evaluation drives it: the first draft in a real process
// (this group's smoke test), the rest in-process through the same runCli.
const data = mkdtempSync(join(tmpdir(), 'lvzhi-draft-cli-'));
afterAll(() => rmSync(data, { recursive: true, force: true }));
const env = { ...process.env, OPENAI_BASE_URL: '', LVZHI_CHAT_MODEL: '', LVZHI_EMBEDDING_MODEL: '' };

const cli = (args: string[]) => runCliInProcess([...args, '--data', data], { env });

beforeAll(async () => {
  const csv = join(data, 'log.csv');
  writeFileSync(csv, [
    'date,kind,title,by',
    '2023-02-23,report_review,区政府关于金融支持实体经济的工作报告,办公室',
    '2023-03-15,inspection,视察重点民生项目建设,办公室',
    '2023-05-10,research,调研乡村振兴工作,办公室',
    '2023-03-10,training,人大代表履职能力培训班,代表工委',
  ].join('\n'));
  expect((await cli(['import', csv, '--json'])).status).toBe(0);
});

describe('draft REQUEST --json', () => {
  it('prints the CONTRACTS.md shape, facts agreeing with stats, and writes a .docx', async () => {
    const docx = join(data, '监督工作.docx');
    const r = await runCli(['draft', '起草一段上半年监督工作的总结', '--now', '2023-07-05', '--docx', docx, '--json', '--data', data], { env });
    expect(r.status).toBe(0);
    const draft = JSON.parse(r.stdout);
    expect(draft).toMatchObject({ mode: 'template', from: '2023-01-01', to: '2023-06-30' });
    expect(Array.isArray(draft.sources)).toBe(true);
    for (const fact of draft.facts) {
      const stats = JSON.parse((await cli(['stats', '--from', draft.from, '--to', draft.to, '--kinds', fact.kinds.join(','), '--json'])).stdout);
      expect(stats.total).toBe(fact.count);
    }
    // One report: named, not counted (听取审议了…的报告, never 1个报告).
    expect(draft.text).toContain('听取审议了金融支持实体经济工作情况的报告');
    expect(draft.fileName).toBe('2023上半年监督工作总结');
    const { value } = await mammoth.extractRawText({ path: docx });
    expect(value).toContain('一是听取审议专项工作报告');
  });

  it('takes the period from --from/--to over the words', async () => {
    const r = await cli(['draft', '起草监督工作的总结', '--from', '2023-03-01', '--to', '2023-03-31', '--json']);
    expect(r.status).toBe(0);
    const draft = JSON.parse(r.stdout);
    expect([draft.from, draft.to]).toEqual(['2023-03-01', '2023-03-31']);
    expect(draft.facts.find((f: { kinds: string[] }) => f.kinds.includes('inspection')).count).toBe(1);
  });

  it('asks back with exit 0 for an unknown topic, and exits 1 with a Chinese message for an empty request, a bad date or file', async () => {
    // The request is answered with a question, not failed: a run of requests goes on.
    const unknown = await cli(['draft', '写一首诗', '--json']);
    expect(unknown.status).toBe(0);
    expect(JSON.parse(unknown.stdout).ask).toMatchObject({ code: 'unknown_topic', message: expect.stringMatching(/监督工作/) });
    // An empty request is a user error (CONTRACTS.md: exit 1 with the error object), not a question asked back.
    const empty = await cli(['draft', ' ', '--json']);
    expect(empty.status).toBe(1);
    expect(JSON.parse(empty.stdout).error).toMatchObject({ code: 'empty_request', message: expect.any(String) });
    const unwritable = await cli(['draft', '起草监督工作总结', '--docx', join(data, 'no-such-folder', 'a.docx'), '--json']);
    expect(unwritable.status).toBe(1);
    expect(JSON.parse(unwritable.stdout).error).toMatchObject({ code: 'docx_failed', message: expect.stringContaining('无法写到') });
    const reversed = await cli(['draft', '起草监督工作总结', '--from', '2023-06-30', '--to', '2023-01-01', '--json']);
    expect(reversed.status).toBe(1);
    expect(JSON.parse(reversed.stdout).error.code).toBe('bad_period');
    const bad = await cli(['draft', '起草监督工作总结', '--from', '2023-02-30', '--json']);
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout).error.code).toBe('bad_date');
  });
});

const shared = resolve('../shared');
if (!existsSync(shared)) console.warn('../shared is absent: the seed-speech drafting check is skipped');
describe.skipIf(!existsSync(shared))('with the half-year fixture of ../shared', () => {
  it('drafts the supervision section with the figures of the seed speech', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lvzhi-draft-seed-'));
    try {
      const run = (args: string[]) => runCliInProcess([...args, '--data', dir, '--json'], { env });
      expect((await run(['import', join(shared, 'fixtures', 'activities-2023h1.csv')])).status).toBe(0);
      const draft = JSON.parse((await run(['draft', '起草一段上半年监督工作的总结', '--now', '2023-07-05'])).stdout);
      expect(draft.text).toContain('14个报告');
      expect(draft.text).toContain('14个事项');
      expect(draft.text).toContain('其中视察8次、调研6次');
      expect(readFileSync(join(shared, 'seeds', 'district-congress-speech-2023.txt'), 'utf8')).toContain('14个报告');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
