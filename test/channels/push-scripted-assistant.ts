/**
 * An assistant for the push-style channels' tests (WeCom, DingTalk, Feishu): it answers what a
 * test needs to see the channel do — a long answer, choices, a chart and a draft, a file it
 * downloads with a size limit — and records every message it was given.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Assistant, Incoming, Reply } from '../../src/assistant/types.ts';

/** A PNG header is enough for an image a platform stores. */
export const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

/** The long answer: 60 numbered Chinese lines, about 2,700 characters (8 KB of UTF-8). */
export const LONG_ANSWER = Array.from({ length: 60 }, (_, i) => `第${i + 1}条 常务委员会会议一般每两个月举行一次，由主任召集并主持，须有全体组成人员过半数出席。`).join('\n');

/** Scripted answers: 长 → long, 选 → choices, 文件 → chart + draft, a file → downloaded (limit 1 KB). */
export class ScriptedAssistant implements Assistant {
  readonly received: Incoming[] = [];
  readonly downloaded: { name: string; bytes: number }[] = [];

  async handle(incoming: Incoming): Promise<Reply> {
    this.received.push(incoming);
    const file = incoming.files?.[0];
    if (file) {
      const folder = mkdtempSync(join(tmpdir(), 'lvzhi-push-dl-'));
      try {
        await incoming.progress?.(`正在收录「${file.name}」…`);
        await file.download(join(folder, 'f'), 1024);
        const bytes = readFileSync(join(folder, 'f')).length;
        this.downloaded.push({ name: file.name, bytes });
        return { text: `已收录「${file.name}」（${bytes} 字节）` };
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    }
    if (incoming.text === '长') return { text: LONG_ANSWER };
    if (incoming.text === '选') return { text: '明天的活动还没到。是要记录一项计划开展的活动吗？', choices: [{ label: '按计划记录', send: '确认' }, { label: '取消', send: '取消' }] };
    if (incoming.text === '文件') {
      return {
        text: '**上半年**情况见附件。',
        files: [
          { name: '统计图.png', data: PNG, kind: 'image', caption: '上半年活动统计' },
          { name: '上半年监督工作.docx', data: Buffer.from('PK\u0003\u0004 draft'), kind: 'document' },
        ],
      };
    }
    return { text: `回声：${incoming.text}` };
  }
}
