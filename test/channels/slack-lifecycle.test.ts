/**
 * The Slack channel around its turns: start-up errors, stop and reconnect in Socket Mode,
 * failures Slack causes, and the signature checks of HTTP events.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackChannel } from '../../src/channels/slack/index.ts';
import { eventCallback, type HttpDelivery } from '../support/slack-delivery.ts';
import { STAND_IN_BOT, signSlackRequest, startSlackStandIn } from '../support/slack-stand-in.ts';
import { recordingLogger, startRig, userMessage, type SlackRig } from './slack-harness.ts';
import { ScriptedAssistant } from './slack-scripted-assistant.ts';

const alice = { id: 'UALICE01', name: '王芳' };

describe('Slack channel: start, stop and failures around the turn', () => {
  it('refuses to start without a way to receive events, with a token Slack rejects, on a taken port or with no connection', async () => {
    const assistant = new ScriptedAssistant();
    expect(() => createSlackChannel({ botToken: 'xoxb-1', assistant })).toThrow(/SLACK_APP_TOKEN/);
    const standIn = await startSlackStandIn();
    try {
      const quiet = { assistant, retries: 0, logger: recordingLogger() };
      const wrongBot = createSlackChannel({ ...quiet, botToken: 'xoxb-wrong', signingSecret: 's', port: 0, apiUrl: standIn.apiUrl });
      await expect(wrongBot.start()).rejects.toMatchObject({ code: 'slack_auth', userMessage: expect.stringContaining('SLACK_BOT_TOKEN') });
      const wrongApp = createSlackChannel({ ...quiet, botToken: STAND_IN_BOT.botToken, appToken: 'xapp-wrong', apiUrl: standIn.apiUrl });
      await expect(wrongApp.start()).rejects.toMatchObject({ code: 'slack_app_token', userMessage: expect.stringContaining('SLACK_APP_TOKEN') });
      const first = createSlackChannel({ ...quiet, botToken: STAND_IN_BOT.botToken, signingSecret: 's', port: 0, apiUrl: standIn.apiUrl });
      await first.start();
      const second = createSlackChannel({ ...quiet, botToken: STAND_IN_BOT.botToken, signingSecret: 's', port: first.port, apiUrl: standIn.apiUrl });
      await expect(second.start()).rejects.toMatchObject({ code: 'slack_port', userMessage: expect.stringContaining(`端口 ${first.port}`) });
      await first.stop();
      const nowhere = createSlackChannel({ ...quiet, botToken: STAND_IN_BOT.botToken, signingSecret: 's', port: 0, apiUrl: 'http://127.0.0.1:9/api/' });
      await expect(nowhere.start()).rejects.toMatchObject({ code: 'slack_unreachable', userMessage: expect.stringContaining('SLACK_API_URL') });
    } finally {
      await standIn.close();
      assistant.cleanup();
    }
  });

  it('in Socket Mode, stop() closes the connection and waits for a turn already accepted', async () => {
    const assistant = new ScriptedAssistant();
    const rig = await startRig('socket', assistant);
    expect(rig.standIn.socketConnected).toBe(true);
    expect(rig.standIn.callsOf('apps.connections.open')[0]?.token).toBe(STAND_IN_BOT.appToken);
    assistant.hold();
    const said = userMessage(rig.standIn, { user: alice.id, text: '/slow' });
    await rig.slack.event(said);
    await rig.standIn.waitFor(() => assistant.seen.length === 1);
    const stopped = rig.channel.stop();
    assistant.release();
    await stopped;
    await rig.standIn.waitFor(() => !rig.standIn.socketConnected);
    expect(rig.standIn.botMessages(said.channel, said.ts).map((m) => m.text)).toEqual(['慢慢来，好了。']);
    await rig.standIn.close();
    assistant.cleanup();
  });

  it('in Socket Mode, reconnects after Slack drops the connection, even when the first retry fails', async () => {
    const assistant = new ScriptedAssistant();
    const rig = await startRig('socket', assistant);
    try {
      rig.standIn.failing.set('apps.connections.open', 'internal_error');
      rig.standIn.dropSockets();
      await rig.standIn.waitFor(() => rig.standIn.callsOf('apps.connections.open').length >= 2);
      rig.standIn.failing.clear();
      await rig.standIn.waitFor(() => rig.standIn.socketConnected && rig.standIn.callsOf('apps.connections.open').length >= 3);
      expect(rig.logger.warnings.some((line) => line.includes('reconnect failed'))).toBe(true);
      const said = userMessage(rig.standIn, { user: alice.id, text: '重连后' });
      await rig.slack.event(said);
      await rig.standIn.waitFor(() => rig.standIn.botMessages(said.channel, said.ts).some((m) => m.text === '你说：重连后'));
    } finally {
      await rig.close();
      assistant.cleanup();
    }
  });

  it('a reply Slack will not show is logged and answered with an apology', async () => {
    const assistant = new ScriptedAssistant();
    const rig = await startRig('http', assistant);
    try {
      rig.standIn.failing.set('chat.update', 'cant_update_message');
      const said = userMessage(rig.standIn, { user: alice.id, text: '流式' });
      await rig.slack.event(said);
      const apology = await rig.standIn.waitFor(() => rig.standIn.botMessages(said.channel, said.ts).find((m) => m.text.includes('抱歉')));
      const code = /错误编号 (E[0-9A-Z]+)/.exec(apology.text)?.[1] as string;
      expect(String(rig.failures.find((entry) => entry.ref === code)?.message)).toContain('cant_update_message');
      rig.standIn.failing.clear();
      const next = userMessage(rig.standIn, { user: alice.id, text: '还在吗' });
      await rig.slack.event(next);
      await rig.standIn.waitFor(() => rig.standIn.botMessages(next.channel, next.ts).some((m) => m.text === '你说：还在吗'));
    } finally {
      await rig.close();
      assistant.cleanup();
    }
  });
});

describe('Slack channel over HTTP: request signatures', () => {
  let rig: SlackRig;
  const assistant = new ScriptedAssistant();

  beforeAll(async () => {
    rig = await startRig('http', assistant);
  });
  afterAll(async () => {
    await rig?.close();
    assistant.cleanup();
  });

  it('answers an event Slack delivers twice only once', async () => {
    const http = rig.slack as HttpDelivery;
    const said = userMessage(rig.standIn, { user: alice.id, text: '重发的问题' });
    const body = JSON.stringify(eventCallback(said));
    for (let i = 0; i < 2; i += 1) expect((await http.signed(body, 'application/json')).status).toBe(200);
    await rig.standIn.waitFor(() => rig.standIn.botMessages(said.channel, said.ts).length > 0);
    const later = userMessage(rig.standIn, { user: alice.id, text: '下一句' });
    await http.event(later);
    await rig.standIn.waitFor(() => rig.standIn.botMessages(later.channel, later.ts).length > 0);
    expect(rig.standIn.botMessages(said.channel, said.ts)).toHaveLength(1);
    expect(assistant.seen.filter((i) => i.text === '重发的问题')).toHaveLength(1);
  });

  it('tells the user through the response_url when it may not post where a command was run', async () => {
    rig.standIn.failing.set('chat.postMessage', 'not_in_channel');
    try {
      await rig.slack.command({ user_id: alice.id, channel_id: 'C0000099', text: 'help' });
      const [responded] = await rig.standIn.waitFor(() => rig.standIn.callsOf('POST response_url').length > 0 && rig.standIn.callsOf('POST response_url'));
      expect(responded.args).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('/invite') });
    } finally {
      rig.standIn.failing.clear();
    }
  });

  it('answers the url_verification challenge', async () => {
    const body = JSON.stringify({ token: 'x', challenge: 'c-123', type: 'url_verification' });
    const http = rig.slack as HttpDelivery;
    const response = await http.signed(body, 'application/json');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ challenge: 'c-123' });
  });

  it('rejects unsigned, wrongly signed and stale requests with 401 and runs nothing', async () => {
    const http = rig.slack as HttpDelivery;
    const said = userMessage(rig.standIn, { user: alice.id, text: '伪造的问题' });
    const body = JSON.stringify(eventCallback(said));
    const callsBefore = rig.standIn.calls.length;
    const seenBefore = assistant.seen.length;
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    const attempts = [
      {},
      signSlackRequest('not-the-secret', body),
      { ...signSlackRequest(rig.signingSecret, body), 'x-slack-signature': signSlackRequest(rig.signingSecret, body + ' ')['x-slack-signature'] },
      signSlackRequest(rig.signingSecret, body, stale),
    ];
    for (const headers of attempts) {
      const response = await http.post(body, 'application/json', headers);
      await response.text();
      expect(response.status).toBe(401);
    }
    // Slash commands and button clicks come form-encoded; unsigned, they fare no better.
    const command = new URLSearchParams({ command: '/lvzhi', text: 'stats 今年', user_id: alice.id, channel_id: 'C0000001', team_id: STAND_IN_BOT.teamId }).toString();
    const click = new URLSearchParams({ payload: JSON.stringify({ type: 'block_actions', user: { id: alice.id }, actions: [{ action_id: 'lvzhi_choice_0', type: 'button', value: '确认' }] }) }).toString();
    for (const form of [command, click]) {
      const response = await http.post(form, 'application/x-www-form-urlencoded', signSlackRequest('not-the-secret', form));
      await response.text();
      expect(response.status).toBe(401);
    }
    // A correctly signed copy goes through, which shows the 401s were about the signature alone.
    await http.event(said);
    await rig.standIn.waitFor(() => rig.standIn.botMessages(said.channel, said.ts).length > 0);
    expect(assistant.seen.slice(seenBefore).map((i) => i.text)).toEqual(['伪造的问题']);
    expect(rig.standIn.calls.slice(callsBefore).filter((c) => c.method === 'chat.postMessage')).toHaveLength(1);
  });
});
