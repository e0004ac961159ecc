/**
 * Messenger settings checked at start-up, before anything connects: a set given in part names
 * what is missing, a malformed value names its variable, two channels wanting PORT are refused,
 * and an allow-list takes the new id forms.
 */
import { describe, expect, it } from 'vitest';
import { createChannels } from '../../src/app.ts';
import { createAccess, parseAccessList } from '../../src/assistant/index.ts';
import type { AssistantCore } from '../../src/assistant/index.ts';
import { loadSettings } from '../../src/config.ts';
import { ACCESS_FORMS } from '../../src/channels/index.ts';

const assistant = { handle: async () => ({ text: '' }) } as unknown as AssistantCore;
// Settings are read before anything connects: a set given in part stops `loadSettings` itself.
const start = async (env: Record<string, string>) => createChannels(loadSettings(env), assistant);

describe('messenger settings', () => {
  it('names what is missing from a set given in part', async () => {
    await expect(start({ WECOM_CORP_ID: 'ww1', WECOM_SECRET: 's' })).rejects.toMatchObject({ userMessage: expect.stringMatching(/WECOM_AGENT_ID、WECOM_TOKEN、WECOM_AES_KEY/) });
    await expect(start({ WECOM_BOT_ID: 'b' })).rejects.toMatchObject({ userMessage: expect.stringContaining('WECOM_BOT_SECRET') });
    await expect(start({ DINGTALK_CLIENT_ID: 'd' })).rejects.toMatchObject({ userMessage: expect.stringContaining('DINGTALK_CLIENT_SECRET') });
    await expect(start({ FEISHU_APP_SECRET: 'f' })).rejects.toMatchObject({ userMessage: expect.stringContaining('FEISHU_APP_ID') });
  });

  it('names a malformed value', async () => {
    expect(() => loadSettings({ WECOM_AES_KEY: 'short' })).toThrow(/WECOM_AES_KEY/);
    expect(() => loadSettings({ WECOM_AGENT_ID: 'abc' })).toThrow(/WECOM_AGENT_ID/);
    expect(() => loadSettings({ FEISHU_DOMAIN: 'feishu.cn' })).toThrow(/FEISHU_DOMAIN/);
    await expect(start({ FEISHU_APP_ID: 'not-an-app-id', FEISHU_APP_SECRET: 's' })).rejects.toMatchObject({ userMessage: expect.stringContaining('cli_') });
  });

  it('refuses two channels that both want PORT for callbacks', async () => {
    const wecom = { WECOM_CORP_ID: 'ww1', WECOM_AGENT_ID: '1000002', WECOM_SECRET: 's', WECOM_TOKEN: 't', WECOM_AES_KEY: 'a'.repeat(43) };
    await expect(start({ ...wecom, TELEGRAM_BOT_TOKEN: '1:x', TELEGRAM_WEBHOOK_URL: 'https://example.org/hook' })).rejects.toMatchObject({ userMessage: expect.stringMatching(/Telegram webhook、企业微信.*一个 PORT/) });
  });

  it('takes the new id forms in the allow-list and matches people and chats by them', () => {
    const entries = 'wecom:zhangsan,wecom-chat:wrk1,dingtalk:manager001,dingtalk-chat:cid9,feishu:ou_1,feishu-chat:oc_2';
    expect(parseAccessList(entries, 'LVZHI_ALLOW', ACCESS_FORMS).size).toBe(6);
    expect(() => parseAccessList('weixin:zhangsan', 'LVZHI_ALLOW', ACCESS_FORMS)).toThrow(/LVZHI_ALLOW/);
    const access = createAccess({ LVZHI_ALLOW: entries }, ACCESS_FORMS);
    expect(access.isAllowed({ platform: 'wecom', userId: 'zhangsan', chatId: 'zhangsan' })).toBe(true);
    expect(access.isAllowed({ platform: 'wecom', userId: 'lisi', chatId: 'wrk1' })).toBe(true);
    expect(access.isAllowed({ platform: 'dingtalk', userId: 'x', chatId: 'cid9' })).toBe(true);
    expect(access.isAllowed({ platform: 'feishu', userId: 'ou_9', chatId: 'oc_2' })).toBe(true);
    expect(access.isAllowed({ platform: 'feishu', userId: 'zhangsan', chatId: 'oc_3' })).toBe(false);
    expect(access.isAllowed({ platform: 'dingtalk', userId: 'zhangsan', chatId: 'cid1' })).toBe(false);
  });
});
