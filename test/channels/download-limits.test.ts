/**
 * Every chat download has a size limit, checked before downloading where the platform gives
 * the size (Telegram's document and getFile sizes, Slack's event and files.info sizes), and
 * counted while the bytes arrive otherwise: the real channel code against the stand-ins.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { webApi } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import type { Assistant, Incoming, Reply } from '../../src/assistant/types.ts';
import { toIncomingFile } from '../../src/channels/slack/slack-file.ts';
import { byteLimit } from '../../src/input/index.ts';
import { STAND_IN_BOT, startSlackStandIn, type SlackStandIn } from '../support/slack-stand-in.ts';
import { makeUser, privateChat } from '../support/telegram-stand-in.ts';
import { tempFolder } from '../support/temp-folders.ts';
import { startTelegram } from './telegram-harness.ts';

const BODY = '# 议事规则\n\n第一条 常委会会议一般每两个月举行一次。\n';
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

/** An assistant that downloads the first file with a limit and says what happened. */
function downloader(maxBytes: number, folder: string): Assistant {
  return {
    async handle(incoming: Incoming): Promise<Reply> {
      const file = incoming.files![0];
      const to = join(folder, file.name);
      try {
        await file.download(to, maxBytes);
        return { text: `收到 ${readFileSync(to).length} 字节` };
      } catch (error) {
        return { text: (error as { userMessage?: string }).userMessage ?? String(error) };
      }
    },
  };
}

describe('Telegram', () => {
  const alice = makeUser(501, '王', { last_name: '芳' });
  const dm = privateChat(alice);

  it('refuses a document over the limit before asking for it (no getFile)', async () => {
    const folder = tempFolder('lvzhi-dl-');
    const t = await startTelegram(downloader(16, folder));
    cleanups.push(() => t.stop());
    t.standIn.sendFile(dm, alice, '议事规则.md', BODY);
    await t.standIn.waitForText(dm.id, '“议事规则.md”超过');
    expect(t.standIn.callsOf('getFile')).toHaveLength(0);
    expect(existsSync(join(folder, '议事规则.md'))).toBe(false);
  });

  it('downloads one within the limit', async () => {
    const folder = tempFolder('lvzhi-dl-');
    const t = await startTelegram(downloader(1024, folder));
    cleanups.push(() => t.stop());
    t.standIn.sendFile(dm, alice, '议事规则.md', BODY);
    await t.standIn.waitForText(dm.id, `收到 ${Buffer.byteLength(BODY)} 字节`);
  });
});

describe('Slack', () => {
  let standIn: SlackStandIn;
  const client = () => new webApi.WebClient(STAND_IN_BOT.botToken, { slackApiUrl: standIn.apiUrl });

  async function started(): Promise<SlackStandIn> {
    standIn = await startSlackStandIn();
    cleanups.push(() => standIn.close());
    return standIn;
  }

  it('refuses a file the event says is over the limit, without files.info or a download', async () => {
    await started();
    const shared = standIn.addFile('议事规则.md', BODY);
    const file = toIncomingFile(shared, client(), STAND_IN_BOT.botToken);
    await expect(file.download(join(tempFolder('lvzhi-dl-'), 'a.md'), 16)).rejects.toMatchObject({ code: 'file_too_large' });
    expect(standIn.callsOf('files.info')).toHaveLength(0);
  });

  it('refuses one files.info says is over the limit (the event gave no size), without downloading', async () => {
    await started();
    const shared = standIn.addFile('议事规则.md', BODY);
    const file = toIncomingFile({ id: shared.id, name: shared.name }, client(), STAND_IN_BOT.botToken);
    await expect(file.download(join(tempFolder('lvzhi-dl-'), 'a.md'), 16))
      .rejects.toMatchObject({ code: 'file_too_large', userMessage: expect.stringMatching(/“议事规则\.md”超过/) });
    expect(standIn.callsOf('files.info')).toHaveLength(1);
    expect(standIn.callsOf('GET url_private')).toHaveLength(0);
  });

  it('downloads one within the limit', async () => {
    await started();
    const shared = standIn.addFile('议事规则.md', BODY);
    const to = join(tempFolder('lvzhi-dl-'), 'a.md');
    await toIncomingFile(shared, client(), STAND_IN_BOT.botToken).download(to, 1024);
    expect(readFileSync(to, 'utf8')).toBe(BODY);
  });
});

describe('a download whose size was not stated', () => {
  it('stops once more bytes than the limit have arrived', async () => {
    let produced = 0;
    const endless = new Readable({
      read() {
        produced += 65_536;
        this.push(Buffer.alloc(65_536, 0x41));
      },
    });
    await expect(pipeline(endless, byteLimit(1_000_000, '无尽.txt'), new PassThrough().resume()))
      .rejects.toMatchObject({ code: 'file_too_large', userMessage: expect.stringMatching(/“无尽\.txt”超过 1 MB/) });
    expect(produced).toBeLessThan(2_000_000);
  });
});
