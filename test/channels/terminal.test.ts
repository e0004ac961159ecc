import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { Assistant } from '../../src/assistant/types.ts';
import { createTerminalChannel, type TerminalChannel } from '../../src/channels/terminal/index.ts';
import { createSqliteConversationStore, openDatabase } from '../../src/storage/index.ts';
import { runChannelSuite, type ChannelHarness, type ShownMessage } from './channel-suite.ts';

/** Drives the real terminal channel through in-memory stdin/stdout streams. */
function makeTerminalHarness(): ChannelHarness {
  const input = new PassThrough();
  const output = new PassThrough();
  const notes = new PassThrough();
  const filesDir = mkdtempSync(join(tmpdir(), 'lvzhi-term-'));
  let written = '';
  output.on('data', (chunk: Buffer) => (written += chunk.toString('utf8')));
  let channel: TerminalChannel | undefined;
  return {
    platform: 'terminal',
    singleConversation: true,
    async start(assistant: Assistant) {
      channel = createTerminalChannel({ assistant, input, output, notes, filesDir, userName: '测试' });
      await channel.start();
    },
    async userSays(text: string) {
      input.write(text + '\n');
    },
    // Nothing the bot writes comes back on the terminal's input: there is nothing to deliver.
    async botSays() {},
    shown(): ShownMessage[] {
      return written
        .split('\n\n')
        .filter((block) => block.trim())
        .map((text) => ({ conversation: 'a', text }));
    },
    async stop() {
      input.end();
      await channel?.stop();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

runChannelSuite('terminal', makeTerminalHarness);

describe('terminal channel', () => {
  const folders: string[] = [];
  afterEach(() => folders.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('answers each line in order, saves attached files, offers choices, and finishes at end of input', async () => {
    const filesDir = mkdtempSync(join(tmpdir(), 'lvzhi-term-'));
    folders.push(filesDir);
    const input = new PassThrough();
    const output = new PassThrough();
    let written = '';
    output.on('data', (c: Buffer) => (written += c.toString('utf8')));
    const assistant: Assistant = {
      async handle(incoming) {
        if (incoming.text === '图') {
          return { text: '**统计**如下', files: [{ name: 'chart.png', data: new Uint8Array([137, 80, 78, 71]), kind: 'image', caption: '活动次数' }] };
        }
        if (incoming.text === '未来') return { text: '确定吗？', choices: [{ label: '确认记录', send: '确认' }, { label: '取消', send: '取消' }] };
        // Slow first turn: replies must still come out in input order.
        if (incoming.text === '一') await new Promise((r) => setTimeout(r, 50));
        return { text: `答：${incoming.text}` };
      },
    };
    const channel = createTerminalChannel({ assistant, input, output, notes: new PassThrough(), filesDir });
    await channel.start();
    input.end('一\n\n二\n图\n未来\ny\n');
    await channel.finished;
    const blocks = written.split('\n\n').filter(Boolean);
    expect(blocks[0]).toBe('答：一');
    expect(blocks[1]).toBe('答：二');
    expect(blocks[2]).toMatch(/^统计如下\n（活动次数已保存：.*chart\.png）$/);
    // No buttons in a terminal: y answers the first choice, n the last, a number any.
    expect(blocks[3]).toContain('y/1 确认记录 / n/2 取消');
    expect(blocks[4]).toBe('答：确认');
    expect(blocks).toHaveLength(5);
  });
});

describe('terminal choices across a restart', () => {
  it('"1" after a restart answers the choices the reply before it offered', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lvzhi-term-restart-'));
    const db = openDatabase(dataDir);
    const heard: string[] = [];
    const assistant: Assistant = {
      async handle(incoming) {
        heard.push(incoming.text);
        return heard.length === 1
          ? { text: '12月11日 还没到。', choices: [{ label: '按计划记录', send: '确认' }, { label: '取消', send: '取消' }] }
          : { text: `收到：${incoming.text}` };
      },
    };
    const run = async (line: string) => {
      const input = new PassThrough();
      const output = new PassThrough();
      const channel = createTerminalChannel({ assistant, input, output, notes: new PassThrough(), filesDir: dataDir, userName: '测试',
        conversations: createSqliteConversationStore(db) });
      await channel.start();
      input.end(`${line}\n`);
      await channel.finished;
    };
    try {
      await run('下周五组织代表视察河道治理');
      await run('1'); // a new channel, as after a restart: the offered choices are read back
      await run('1'); // answered once: the next "1" is just "1"
      expect(heard).toEqual(['下周五组织代表视察河道治理', '确认', '1']);
    } finally {
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
