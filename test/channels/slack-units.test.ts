/** The Slack channel's pure rules: mrkdwn, who is answered and where, the streaming rate. */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fromChoiceClick, fromMessageEvent, fromSlashCommand } from '../../src/channels/slack/events.ts';
import { fromSlackText, splitForSlack, toMrkdwn } from '../../src/channels/slack/render.ts';
import { EditThrottle } from '../../src/channels/kit/index.ts';
import { slackManifestText } from '../../src/channels/slack/manifest.ts';

describe('mrkdwn', () => {
  it('renders **bold** and escapes & < >', () => {
    expect(toMrkdwn('**第十二条** 规定：a<b & c>d')).toBe('*第十二条* 规定：a&lt;b &amp; c&gt;d');
  });

  it('reads Slack text as typed: mention dropped, links by label, entities undone', () => {
    expect(fromSlackText('<@UBOT0001> 看看 <https://x.cn/a|这份文件> 和 <#C1|综合科> &lt;1&gt; &amp;', 'UBOT0001')).toBe('看看 这份文件 和 #综合科 <1> &');
  });

  it('splits long text at line ends, never above the limit', () => {
    const text = Array.from({ length: 200 }, (_, i) => `第${i + 1}条 内容内容内容内容。`).join('\n');
    const pieces = splitForSlack(text, 500);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.every((p) => p.length <= 500)).toBe(true);
    expect(pieces.join('\n')).toBe(text);
  });
});

describe('which Slack messages become turns', () => {
  const base = { type: 'message', channel: 'D1', channel_type: 'im', user: 'U1', text: '你好', ts: '1.1' };

  it('a DM is answered in its thread; a reply in a thread keeps the thread', () => {
    expect(fromMessageEvent(base, 'UBOT')).toMatchObject({ userId: 'U1', channel: 'D1', threadTs: '1.1', text: '你好' });
    expect(fromMessageEvent({ ...base, thread_ts: '0.5' }, 'UBOT')?.threadTs).toBe('0.5');
  });

  it('ignores itself, other bots, edits, and channel messages (those come as mentions)', () => {
    expect(fromMessageEvent({ ...base, user: 'UBOT' }, 'UBOT')).toBeUndefined();
    expect(fromMessageEvent({ ...base, bot_id: 'B2' }, 'UBOT')).toBeUndefined();
    expect(fromMessageEvent({ ...base, subtype: 'bot_message' }, 'UBOT')).toBeUndefined();
    expect(fromMessageEvent({ ...base, subtype: 'message_changed' }, 'UBOT')).toBeUndefined();
    expect(fromMessageEvent({ ...base, channel_type: 'channel' }, 'UBOT')).toBeUndefined();
    expect(fromMessageEvent({ ...base, type: 'app_mention', channel_type: undefined, text: '<@UBOT> 问' }, 'UBOT')?.text).toBe('问');
  });

  it('a channel reply without the mention counts only in a thread its writer opened with the bot', () => {
    const reply = { ...base, channel: 'C1', channel_type: 'channel', thread_ts: '0.5' };
    const addressed = (channel: string, thread: string, user: string) => channel === 'C1' && thread === '0.5' && user === 'U1';
    expect(fromMessageEvent(reply, 'UBOT', addressed)).toMatchObject({ threadTs: '0.5', text: '你好' });
    expect(fromMessageEvent({ ...reply, user: 'U2' }, 'UBOT', addressed)).toBeUndefined();
    expect(fromMessageEvent({ ...reply, thread_ts: undefined }, 'UBOT', addressed)).toBeUndefined();
    expect(fromMessageEvent({ ...reply, text: '<@UBOT> 你好' }, 'UBOT', addressed)).toBeUndefined();
  });

  it('a shared file is a turn even without words', () => {
    expect(fromMessageEvent({ ...base, text: '', subtype: 'file_share', files: [{ id: 'F1', name: 'a.pdf' }] }, 'UBOT')?.files).toHaveLength(1);
  });

  it('/lvzhi <command> becomes the command; other words stay a plain message', () => {
    const command = { user_id: 'U1', channel_id: 'C1' };
    expect(fromSlashCommand({ ...command, text: 'stats 上半年' }).text).toBe('/stats 上半年');
    expect(fromSlashCommand({ ...command, text: '' }).text).toBe('/help');
    expect(fromSlashCommand({ ...command, text: '上半年视察了几次' }).text).toBe('上半年视察了几次');
    expect(fromSlashCommand({ ...command, text: '/ask 谁召集会议' }).text).toBe('/ask 谁召集会议');
  });

  it('a button click goes back to the thread of the message it was on', () => {
    const click = { user: { id: 'U1', name: 'wang' }, channel: { id: 'C1' }, message: { ts: '2.2', thread_ts: '1.1' } };
    expect(fromChoiceClick(click, '确认')).toMatchObject({ userId: 'U1', channel: 'C1', threadTs: '1.1', text: '确认' });
    expect(fromChoiceClick({ ...click, message: { ts: '2.2' } }, '确认')?.threadTs).toBe('2.2');
  });
});

describe('streaming rate', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('shows at most once per interval, only changed text, and the latest text last', async () => {
    const shown: Array<{ at: number; text: string }> = [];
    const throttle = new EditThrottle(1000, async (text) => void shown.push({ at: Date.now(), text }), () => Date.now());
    const start = Date.now();
    throttle.push('根');
    for (let i = 1; i <= 25; i += 1) {
      await vi.advanceTimersByTimeAsync(100);
      throttle.push(i % 5 === 0 ? shown.at(-1)?.text ?? '' : `根据${'。'.repeat(i)}`);
    }
    throttle.push('根据全文');
    await vi.advanceTimersByTimeAsync(2000);
    await throttle.close();
    const gaps = shown.slice(1).map((s, i) => s.at - shown[i].at);
    expect(shown[0]).toEqual({ at: start, text: '根' });
    expect(gaps.every((gap) => gap >= 1000)).toBe(true);
    expect(shown.slice(1).every((s, i) => s.text !== shown[i].text)).toBe(true);
    expect(shown.at(-1)?.text).toBe('根据全文');
    expect(shown.length).toBeLessThanOrEqual(5);
  });

  it('waits for a slow show instead of piling calls up', async () => {
    let running = 0;
    let most = 0;
    const throttle = new EditThrottle(10, async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 500));
      running -= 1;
    });
    for (let i = 0; i < 20; i += 1) {
      throttle.push(`第${i}段`);
      await vi.advanceTimersByTimeAsync(50);
    }
    await vi.advanceTimersByTimeAsync(1000);
    await throttle.close();
    expect(most).toBe(1);
  });
});

describe('the Slack app manifest an admin installs', () => {
  it('is the file the command table generates (run `npm run slack-manifest` after changing a command)', () => {
    expect(readFileSync(new URL('../../src/channels/slack/app-manifest.json', import.meta.url), 'utf8')).toBe(slackManifestText());
    for (const name of ['ask', 'log', 'stats', 'list', 'undo', 'draft', 'help']) expect(slackManifestText()).toContain(`${name} `);
  });

  const manifest = JSON.parse(readFileSync(new URL('../../src/channels/slack/app-manifest.json', import.meta.url), 'utf8'));

  it('asks for what the channel uses: the command, the events, buttons and files', () => {
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual(['/lvzhi']);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(['app_mention', 'message.im', 'message.channels']));
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['chat:write', 'commands', 'files:read', 'files:write', 'im:history', 'users:read']));
  });
});
