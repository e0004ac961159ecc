/**
 * The government messengers restarted while a question waits (a deploy, a crash): a
 * confirmation offered before the restart — a card's button on WeCom and Feishu, a numbered
 * choice in a DingTalk group — is answered after it, because the channels keep their choices
 * in the data folder's conversation store. Each run is Lüzhi as `npm start` wires it (settings →
 * services → channels) over one data folder, opened, closed and opened again, against the
 * platform's stand-in; the activity is logged once.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createChannels, openServices } from '../../src/app.ts';
import type { Channel } from '../../src/assistant/index.ts';
import { loadSettings } from '../../src/config.ts';
import { startDingtalkStandIn } from '../support/dingtalk-stand-in.ts';
import { startFeishuStandIn } from '../support/feishu-stand-in.ts';
import { tempFolder } from '../support/temp-folders.ts';
import { waitFor } from '../support/wait-for.ts';
import { startWecomBotStandIn } from '../support/wecom-bot-stand-in.ts';
import { startWecomStandIn } from '../support/wecom-stand-in.ts';

/** A future-dated activity: the assistant asks before logging it, offering "按计划记录". */
const FUTURE = '下周五组织代表视察河道治理';
const NOW = () => new Date('2026-06-10T10:00:00+08:00');

/** Lüzhi on a data folder with these settings, started; `close` stops it as SIGTERM does. */
async function open(dataDir: string, env: Record<string, string>): Promise<{ channels: Channel[]; close(): Promise<void> }> {
  const settings = loadSettings(env);
  const services = await openServices({ dataDir, settings, now: NOW });
  const { channels } = await createChannels(settings, services.assistant, {}, services.conversations);
  for (const channel of channels) await channel.start();
  return {
    channels,
    async close() {
      for (const channel of channels) await channel.stop();
      await services.close();
    },
  };
}

function logged(dataDir: string): unknown[] {
  const db = new Database(join(dataDir, 'lvzhi.db'), { readonly: true });
  try {
    return db.prepare('SELECT title, by FROM activities').all();
  } finally {
    db.close();
  }
}

/** One platform's run: its stand-in, settings, who logs, how the offer is made and answered. */
interface Case<A> {
  readonly standIn: { close(): Promise<void> };
  readonly env: Record<string, string>;
  /** `<platform>:<id>` of the person logging. */
  readonly by: string;
  /** Say the future-dated activity; returns what answers the offer (a button's key, a number). */
  ask(run: { channels: Channel[] }): Promise<A>;
  /** Answer it, and wait for "已记录". */
  answer(offer: A, run: { channels: Channel[] }): Promise<void>;
}

/** Offer before a restart, answer after it; the activity is logged once, by the person. */
async function acrossRestart<A>(run: Case<A>): Promise<void> {
  const dataDir = tempFolder('lvzhi-messenger-restart-');
  try {
    const before = await open(dataDir, run.env);
    let offer: A;
    try {
      offer = await run.ask(before);
    } finally {
      await before.close();
    }
    expect(logged(dataDir)).toEqual([]);
    const after = await open(dataDir, run.env);
    try {
      await run.answer(offer, after);
    } finally {
      await after.close();
    }
    expect(logged(dataDir)).toEqual([{ title: '组织代表视察河道治理', by: run.by }]);
  } finally {
    await run.standIn.close();
  }
}

/** The key and task of a WeCom card's "按计划记录" button. */
function planButton(body: Record<string, unknown>): { key: string; taskId: string } {
  const template = body.template_card as { task_id: string; button_list: { text: string; key: string }[] };
  return { key: template.button_list.find((b) => b.text === '按计划记录')!.key, taskId: template.task_id };
}

describe('a confirmation offered before a restart is answered after it', () => {
  it('WeCom self-built app: the card’s "按计划记录" button', async () => {
    const standIn = await startWecomStandIn();
    const url = (run: { channels: Channel[] }) => `http://127.0.0.1:${(run.channels[0] as unknown as { port(): number }).port()}/wecom/callback`;
    const shown = () => standIn.sentTo('user:zhangsan');
    await acrossRestart({
      standIn,
      env: {
        WECOM_CORP_ID: standIn.corpId, WECOM_AGENT_ID: String(standIn.agentId), WECOM_SECRET: standIn.secret,
        WECOM_TOKEN: standIn.token, WECOM_AES_KEY: standIn.aesKey, WECOM_API_BASE: standIn.apiBase, PORT: '0', LVZHI_ALLOW: 'wecom:zhangsan',
      },
      by: 'wecom:zhangsan',
      async ask(run) {
        await standIn.deliver(url(run), { from: 'zhangsan', text: FUTURE });
        return planButton((await waitFor(() => shown().find((m) => m.msgtype === 'template_card'), 'the card')).body);
      },
      async answer(click, run) {
        await standIn.deliver(url(run), { from: 'zhangsan', click });
        await waitFor(() => shown().some((m) => m.text.includes('已记录')), 'the logged activity');
      },
    });
  }, 60_000);

  it('WeCom AI bot: the card’s "按计划记录" button', async () => {
    const standIn = await startWecomBotStandIn();
    const shown = () => standIn.shownIn('lisi');
    await acrossRestart({
      standIn,
      env: { WECOM_BOT_ID: standIn.botId, WECOM_BOT_SECRET: standIn.secret, WECOM_BOT_WS_URL: standIn.wsUrl, LVZHI_ALLOW: 'wecom:lisi' },
      by: 'wecom:lisi',
      async ask() {
        standIn.say('lisi', FUTURE);
        return planButton((await waitFor(() => shown().find((m) => m.kind === 'template_card'), 'the card')).body);
      },
      async answer(button) {
        standIn.press('lisi', button.key, button.taskId);
        await waitFor(() => shown().some((m) => m.text.includes('已记录')), 'the logged activity');
      },
    });
  }, 60_000);

  it('DingTalk group: the numbered choice, answered with its number', async () => {
    const standIn = await startDingtalkStandIn();
    const shown = () => standIn.sentTo('cidgroup1').map((m) => m.text);
    await acrossRestart({
      standIn,
      env: {
        DINGTALK_CLIENT_ID: standIn.clientId, DINGTALK_CLIENT_SECRET: standIn.clientSecret,
        DINGTALK_API_BASE: standIn.apiBase, DINGTALK_OAPI_BASE: standIn.apiBase, LVZHI_ALLOW: 'dingtalk-chat:cidgroup1',
      },
      by: 'dingtalk:manager001',
      async ask() {
        standIn.say({ staffId: 'manager001', text: FUTURE, group: 'cidgroup1' });
        const question = await waitFor(() => shown().find((t) => /\d+\. 按计划记录/.test(t)), 'the numbered choices');
        return /(\d+)\. 按计划记录/.exec(question)![1];
      },
      async answer(number) {
        standIn.say({ staffId: 'manager001', text: number, group: 'cidgroup1' });
        await waitFor(() => shown().some((t) => t.includes('已记录')), 'the logged activity');
      },
    });
  }, 60_000);

  it('Feishu: the card’s "按计划记录" button', async () => {
    const standIn = await startFeishuStandIn();
    const shown = () => standIn.sentTo('oc_p2p_ou_wangwu');
    await acrossRestart({
      standIn,
      env: { FEISHU_APP_ID: standIn.appId, FEISHU_APP_SECRET: standIn.appSecret, FEISHU_DOMAIN: standIn.domain, LVZHI_ALLOW: 'feishu:ou_wangwu' },
      by: 'feishu:ou_wangwu',
      async ask() {
        standIn.say({ openId: 'ou_wangwu', text: FUTURE });
        const card = await waitFor(() => shown().find((m) => m.msgType === 'interactive'), 'the card');
        const actions = (card.content.elements as { tag: string; actions?: { text: { content: string }; value: Record<string, unknown> }[] }[]).find((e) => e.tag === 'action')!.actions!;
        return { value: actions.find((a) => a.text.content === '按计划记录')!.value, messageId: card.messageId };
      },
      async answer(button) {
        standIn.press('ou_wangwu', button.value, button.messageId);
        await waitFor(() => shown().some((m) => m.text.includes('已记录')), 'the logged activity');
      },
    });
  }, 60_000);
});
