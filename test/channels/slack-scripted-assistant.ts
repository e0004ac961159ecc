/**
 * A scripted assistant for the Slack channel's own tests: it implements the real `Assistant`
 * interface, answers by the first word of a message, and records every Incoming.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Assistant, Incoming, Reply, ReplySink } from '../../src/assistant/types.ts';

/** Answers by the first word of the message, and remembers every Incoming it was given. */
export class ScriptedAssistant implements Assistant {
  readonly seen: Incoming[] = [];
  private readonly folder = mkdtempSync(join(tmpdir(), 'lvzhi-slack-'));
  private gate: Promise<void> | undefined;
  private openGate: (() => void) | undefined;

  /** Hold `/slow` turns until `release()`. */
  hold(): void {
    this.gate = new Promise((resolve) => (this.openGate = resolve));
  }

  release(): void {
    this.openGate?.();
  }

  cleanup(): void {
    rmSync(this.folder, { recursive: true, force: true });
  }

  async handle(incoming: Incoming, sink?: ReplySink): Promise<Reply> {
    this.seen.push(incoming);
    const [word] = incoming.text.split(/\s+/);
    switch (word) {
      case '/slow':
        await this.gate;
        return { text: '慢慢来，好了。' };
      case '/stats':
        return { text: `**统计** ${incoming.text.slice('/stats'.length).trim()}：视察 3 次 <共计> & 完毕` };
      case '选择':
        return { text: '6月12日在今天之后，是去年的吗？', choices: [{ label: '是，去年', send: '确认 去年6月12日' }, { label: '不是', send: '取消' }] };
      case '图表':
        return { text: '上半年统计图', files: [{ name: 'chart.png', data: new Uint8Array([137, 80, 78, 71, 1, 2, 3]), kind: 'image', caption: '上半年各类活动' }] };
      case '长文':
        return { text: Array.from({ length: 300 }, (_, i) => `第${i + 1}条 常务委员会依法行使监督职权，听取和审议专项工作报告。`).join('\n') };
      case '出错':
        throw new Error('database is locked');
      case '慢':
        await incoming.progress?.('正在检索知识库…');
        return { text: '检索完成。' };
      case '流式': {
        const parts = ['根据', '根据第十二条', '根据第十二条，常委会会议', '根据第十二条，常委会会议由主任召集。'];
        for (const part of parts) {
          await sink?.partial(part);
          await new Promise((resolve) => setTimeout(resolve, 30));
        }
        return { text: '根据第十二条，常委会会议由主任召集。[1]\n\n来源：[1] 议事规则 第十二条', streamed: true };
      }
      default: {
        if (incoming.files?.length) {
          const file = incoming.files[0];
          const path = join(this.folder, file.name);
          await file.download(path);
          return { text: `收到「${file.name}」：${readFileSync(path, 'utf8')}` };
        }
        return { text: `你说：${incoming.text}` };
      }
    }
  }
}
