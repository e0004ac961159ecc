/**
 * What Slack sends the app, for tests: events, slash commands and button clicks, delivered
 * as signed HTTP requests or as Socket Mode envelopes through the stand-in.
 */
import { randomUUID } from 'node:crypto';
import { STAND_IN_BOT, signSlackRequest, type SlackStandIn, type StandInMessage } from './slack-stand-in.ts';

/** How a test delivers Slack's requests to the app: signed HTTP, or envelopes over Socket Mode. */
export interface SlackDelivery {
  /** Deliver an Events API event; resolves when Slack would consider it acknowledged. */
  event(event: Record<string, unknown>): Promise<void>;
  /** Run a slash command; resolves with the acknowledgement. */
  command(fields: { user_id: string; user_name?: string; channel_id: string; text: string; command?: string }): Promise<void>;
  /** Click a button (a block_actions payload); resolves with the acknowledgement. */
  interact(payload: Record<string, unknown>): Promise<void>;
}

/** The body Slack wraps an event in. */
export function eventCallback(event: Record<string, unknown>): Record<string, unknown> {
  return {
    token: 'legacy-verification-token',
    team_id: STAND_IN_BOT.teamId,
    api_app_id: 'A0000001',
    event: { event_ts: event.ts, ...event },
    type: 'event_callback',
    event_id: `Ev${randomUUID().slice(0, 8)}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: STAND_IN_BOT.teamId, user_id: STAND_IN_BOT.userId, is_bot: true, is_enterprise_install: false }],
  };
}

function commandBody(standIn: SlackStandIn, fields: Parameters<SlackDelivery['command']>[0]): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: STAND_IN_BOT.teamId,
    team_domain: 'stand-in',
    channel_id: fields.channel_id,
    channel_name: 'general',
    user_id: fields.user_id,
    user_name: fields.user_name ?? fields.user_id.toLowerCase(),
    command: fields.command ?? '/lvzhi',
    text: fields.text,
    api_app_id: 'A0000001',
    response_url: standIn.responseUrl,
    trigger_id: `trigger-${randomUUID()}`,
  };
}

/** Slack → app over HTTP, each request signed like Slack signs it; a rejected request throws. */
export class HttpDelivery implements SlackDelivery {
  constructor(
    private readonly standIn: SlackStandIn,
    private readonly eventsUrl: string,
    private readonly signingSecret: string,
  ) {}

  /** POST a raw body with the given headers (for tests of bad signatures). */
  async post(body: string, contentType: string, headers: Record<string, string>): Promise<Response> {
    return fetch(this.eventsUrl, { method: 'POST', headers: { 'content-type': contentType, ...headers }, body });
  }

  /** POST a body signed with the right secret. */
  async signed(body: string, contentType: string): Promise<Response> {
    return this.post(body, contentType, signSlackRequest(this.signingSecret, body));
  }

  async event(event: Record<string, unknown>): Promise<void> {
    await this.expectOk(await this.signed(JSON.stringify(eventCallback(event)), 'application/json'));
  }

  async command(fields: Parameters<SlackDelivery['command']>[0]): Promise<void> {
    const body = new URLSearchParams(commandBody(this.standIn, fields)).toString();
    await this.expectOk(await this.signed(body, 'application/x-www-form-urlencoded'));
  }

  async interact(payload: Record<string, unknown>): Promise<void> {
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    await this.expectOk(await this.signed(body, 'application/x-www-form-urlencoded'));
  }

  private async expectOk(response: Response): Promise<void> {
    await response.text();
    if (response.status !== 200) throw new Error(`app answered HTTP ${response.status}`);
  }
}

/** Slack → app over the Socket Mode connection. */
export class SocketDelivery implements SlackDelivery {
  constructor(private readonly standIn: SlackStandIn) {}

  async event(event: Record<string, unknown>): Promise<void> {
    await this.standIn.sendEnvelope('events_api', eventCallback(event));
  }

  async command(fields: Parameters<SlackDelivery['command']>[0]): Promise<void> {
    await this.standIn.sendEnvelope('slash_commands', commandBody(this.standIn, fields));
  }

  async interact(payload: Record<string, unknown>): Promise<void> {
    await this.standIn.sendEnvelope('interactive', payload);
  }
}

/** A block_actions payload for a click on a button of a message the bot showed. */
export function buttonClick(message: StandInMessage, actionId: string, user: { id: string; name: string }): Record<string, unknown> {
  const actions = (message.blocks ?? []).find((block) => block.type === 'actions') as { block_id: string; elements: Array<Record<string, unknown>> } | undefined;
  const button = actions?.elements.find((element) => element.action_id === actionId);
  if (!actions || !button) throw new Error(`no button ${actionId} on message ${message.ts}`);
  return {
    type: 'block_actions',
    team: { id: STAND_IN_BOT.teamId, domain: 'stand-in' },
    user: { id: user.id, username: user.name, name: user.name, team_id: STAND_IN_BOT.teamId },
    api_app_id: 'A0000001',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: false, ...(message.threadTs ? { thread_ts: message.threadTs } : {}) },
    trigger_id: `trigger-${randomUUID()}`,
    channel: { id: message.channel, name: 'general' },
    message: { type: 'message', user: message.user, ts: message.ts, text: message.text, blocks: message.blocks, ...(message.threadTs ? { thread_ts: message.threadTs } : {}) },
    response_url: 'http://127.0.0.1:9/response-url',
    actions: [{ ...button, block_id: actions.block_id, type: 'button', action_ts: String(Date.now() / 1000) }],
  };
}
