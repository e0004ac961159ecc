/**
 * The bot on a disk that fills up (a real, tiny tmpfs), and on a database damaged under it:
 * the person is told what is wrong in Chinese instead of "内部错误", nothing stored is lost,
 * questions and counts keep being answered, and once there is room again logging works.
 */
import { mkdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../src/app.ts';
import type { Incoming } from '../../src/assistant/types.ts';
import { loadSettings } from '../../src/config.ts';
import { runCli } from '../support/cli-process.ts';
import { mountSmallFilesystem } from '../support/small-filesystem.ts';
import { LIAISON_RULES, OFFICE_RULES } from '../fixtures/office-rules.ts';

const say = (text: string, extra: Partial<Incoming> = {}): Incoming =>
  ({ platform: 'terminal', userId: 'local', userName: '小王', chatId: 'local', threadId: `terminal:${text.slice(0, 6)}`, text, ...extra });

const fs = mountSmallFilesystem(6144);

describe.skipIf(!fs)('a full disk under the running bot', () => {
  let services: Services;
  let filler: string;
  const dataDir = fs ? join(fs.path, 'data') : '';
  afterAll(async () => {
    await services?.close();
  });

  it('sets up: documents and one logged activity, then the disk fills', async () => {
    const library = join(fs!.path, 'library');
    mkdirSync(library, { recursive: true });
    writeFileSync(join(library, '议事规则.md'), OFFICE_RULES);
    services = await openServices({ dataDir, settings: loadSettings({}), now: () => new Date('2024-06-30T10:00:00+08:00'), log: () => undefined });
    await services.knowledge.ingest([library]);
    rmSync(library, { recursive: true });
    expect((await services.assistant.handle(say('6月12日组织代表视察了安全生产工作'))).text).toMatch(/已记录/);
    filler = fs!.fill();
  });

  it('a log is refused with "磁盘空间不足", and nothing is half-stored', async () => {
    const reply = await services.assistant.handle(say('6月13日听取了区政府关于环保工作的报告'));
    expect(reply.text).toMatch(/^磁盘空间不足，这次没有保存成功；已经保存的内容没有受影响。.*（错误编号 E[0-9A-Z]+）$/);
    expect((await services.activities.list()).map((a) => a.title)).toEqual(['组织代表视察了安全生产工作']);
  });

  it('questions and counts are still answered', async () => {
    expect((await services.assistant.handle(say('常委会会议多久召开一次'))).text).toContain('每两个月举行一次');
    expect((await services.assistant.handle(say('上半年视察了几次'))).text).toMatch(/1 次/);
  });

  it('a document sent in chat is not taken in, and the reason is the disk', async () => {
    const reply = await services.assistant.handle(say('', {
      files: [{ name: '联络站制度.md', download: async (to) => writeFileSync(to, LIAISON_RULES) }],
    }));
    expect(reply.text).toMatch(/《联络站制度\.md》没有收录：磁盘空间不足/);
    expect(services.knowledge.size()).toBeGreaterThan(0);
  });

  it('the command line says the same, not "内部错误"', async () => {
    const run = await runCli(['log', '今天组织代表走访了企业', '--data', dataDir, '--json']);
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout).error).toMatchObject({ code: 'disk_full', message: expect.stringMatching(/磁盘空间不足/) });
  });

  it('once there is room again, logging works and nothing was lost', async () => {
    unlinkSync(filler);
    expect((await services.assistant.handle(say('6月13日听取了区政府关于环保工作的报告'))).text).toMatch(/已记录/);
    expect(await services.activities.list()).toHaveLength(2);
  });
});
