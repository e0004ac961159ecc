/**
 * The Slack channel on @slack/bolt: Socket Mode when an app token is given, HTTP events
 * (signed, on `/slack/events`) otherwise. Events are acknowledged first (bolt does it for
 * events, `ack()` for commands and clicks) and the turn runs after.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel, SocketModeReceiver, webApi, type Logger } from '@slack/bolt';
import { guardAssistant, stderrErrorLog, type Assistant, type Channel, type ErrorLog } from '../../assistant/index.ts';
import { UserError } from '../../errors.ts';
import {
  fromChoiceClick,
  fromMessageEvent,
  fromSlashCommand,
  type SlackActionPayload,
  type SlackMessageEvent,
  type TurnRequest,
} from './events.ts';
import { BAD_TOKEN, MISSING_TRANSPORT, chosen } from './messages.ts';
import { CHOICE_ACTION_PREFIX } from './thread-output.ts';
import { runTurn, type TurnDeps } from './turn.ts';

/** Settings of the Slack channel (CONTRACTS.md: SLACK_BOT_TOKEN, SLACK_APP_TOKEN, SLACK_SIGNING_SECRET, PORT, SLACK_API_URL). */
export interface SlackChannelOptions {
  readonly botToken: string;
  /** `xapp-…`: Socket Mode (the default way, no public address needed). */
  readonly appToken?: string;
  /** HTTP events mode when there is no app token. */
  readonly signingSecret?: string;
  /** HTTP events port (0 picks a free one); default 3000. */
  readonly port?: number;
  /** Web API base, e.g. a stand-in's `http://127.0.0.1:1234/api/`. */
  readonly apiUrl?: string;
  readonly assistant: Assistant;
  /** Bolt's and the channel's diagnostics; default warnings and errors on stderr. */
  readonly logger?: Logger;
  /** Where failed turns are recorded with their error code; default one JSON line on stderr. */
  readonly errorLog?: ErrorLog;
  /** Slash command name; default `/lvzhi`. */
  readonly command?: string;
  /** Shortest gap between two edits of a streamed answer; default 1000 ms. */
  readonly streamIntervalMs?: number;
  /** How long a turn runs before "正在处理…" appears; default 1500 ms. */
  readonly statusDelayMs?: number;
  /** Retries of a failed Web API call; default 2 (bolt's own default retries for half an hour). */
  readonly retries?: number;
}

/** The Slack channel, with where it listens once started (HTTP mode). */
export interface SlackChannel extends Channel {
  readonly mode: 'socket' | 'http';
  /** The HTTP port once started in HTTP mode. */
  readonly port: number | undefined;
}

/** Create the Slack channel; nothing connects until `start()`. */
export function createSlackChannel(options: SlackChannelOptions): SlackChannel {
  if (!options.appToken && !options.signingSecret) throw new UserError('slack_settings', MISSING_TRANSPORT);
  const mode = options.appToken ? 'socket' : 'http';
  const logger = options.logger ?? defaultLogger();
  const apiUrl = options.apiUrl ? options.apiUrl.replace(/\/*$/, '/') : undefined;
  const webOptions = (): webApi.WebClientOptions => ({
    logger,
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    retryConfig: { retries: options.retries ?? 2, factor: 2, minTimeout: 200, maxTimeout: 2000 },
  });

  let app: App | undefined;
  let receiver: SocketModeReceiver | undefined;
  let server: Server | undefined;
  const inflight = new Set<Promise<void>>();

  const track = (turn: Promise<void>): Promise<void> => {
    inflight.add(turn);
    return turn.finally(() => inflight.delete(turn));
  };

  return {
    name: 'slack',
    mode,
    get port() {
      const address = server?.address();
      return address && typeof address === 'object' ? (address as AddressInfo).port : undefined;
    },

    async start() {
      // auth.test once, here, so a bad token stops the start with a clear message.
      const probe = new webApi.WebClient(options.botToken, { ...webOptions(), retryConfig: { retries: 0 } });
      let identity: { botUserId: string; botId: string };
      try {
        const auth = await probe.auth.test();
        identity = { botUserId: String(auth.user_id), botId: String(auth.bot_id) };
      } catch (error) {
        throw new UserError('slack_auth', BAD_TOKEN, { cause: error });
      }
      if (options.appToken) {
        receiver = new SocketModeReceiver({
          appToken: options.appToken,
          logger,
          // The socket client's own Web API client (apps.connections.open) needs the same base URL.
          installerOptions: { clientOptions: webOptions() },
        });
      }
      app = new App({
        token: options.botToken,
        botUserId: identity.botUserId,
        botId: identity.botId,
        tokenVerificationEnabled: false,
        logger,
        clientOptions: webOptions(),
        ...(receiver ? { receiver, socketMode: true } : { signingSecret: options.signingSecret, endpoints: '/slack/events' }),
      });
      const deps: TurnDeps = {
        client: app.client,
        botToken: options.botToken,
        assistant: guardAssistant(options.assistant, options.errorLog ?? stderrErrorLog),
        logger,
        errorLog: options.errorLog ?? stderrErrorLog,
        userName: nameLookup(app.client, logger),
        streamIntervalMs: options.streamIntervalMs ?? 1000,
        statusDelayMs: options.statusDelayMs ?? 1500,
      };
      const seen = new RecentIds(1000);
      const answer = (request: TurnRequest | undefined, respond?: (text: string) => Promise<unknown>): Promise<void> =>
        request ? track(runTurn(deps, request, respond)) : Promise.resolve();
      registerListeners(app, options.command ?? '/lvzhi', identity.botUserId, answer, seen, logger);

      if (receiver) {
        await app.start();
      } else {
        server = (await app.start(options.port ?? 3000)) as Server;
      }
      logger.info(`slack: started (${mode === 'socket' ? 'Socket Mode' : `HTTP on port ${this.port}`})`);
    },

    async stop() {
      if (!app) return;
      const running = app;
      app = undefined;
      if (receiver) {
        // The receiver's stop() does not wait for the close handshake; the client's disconnect does.
        await receiver.client.disconnect();
        receiver = undefined;
      } else if (server) {
        server.closeIdleConnections();
        await running.stop();
        server = undefined;
      }
      // Let turns already accepted finish, so no log entry is left half-written.
      await Promise.allSettled([...inflight]);
    },
  };
}

/** Wire Slack's events, the slash command and the choice buttons to turns. */
function registerListeners(
  app: App,
  command: string,
  botUserId: string,
  answer: (request: TurnRequest | undefined, respond?: (text: string) => Promise<unknown>) => Promise<void>,
  seen: RecentIds,
  logger: Logger,
): void {
  // Slack redelivers an event it thinks was not acknowledged; the same event_id is answered once.
  const firstDelivery = (body: unknown) => {
    const id = (body as { event_id?: string }).event_id;
    return id === undefined || seen.add(id);
  };
  app.event('app_mention', async ({ event, body }) => {
    if (firstDelivery(body)) await answer(fromMessageEvent(event as unknown as SlackMessageEvent, botUserId));
  });
  app.event('message', async ({ event, body }) => {
    if (firstDelivery(body)) await answer(fromMessageEvent(event as unknown as SlackMessageEvent, botUserId));
  });
  app.command(command, async ({ command: payload, ack, respond }) => {
    await ack();
    await answer(fromSlashCommand(payload), (text) => respond({ text, response_type: 'ephemeral' }));
  });
  app.action(new RegExp(`^${CHOICE_ACTION_PREFIX}`), async ({ ack, body, action, client }) => {
    await ack();
    if (action.type !== 'button' || body.type !== 'block_actions') return;
    const click = body as unknown as SlackActionPayload & { message?: { ts: string; text?: string; blocks?: Array<{ type: string }> } };
    const label = (action as { text?: { text?: string } }).text?.text ?? action.value ?? '';
    // Take the buttons away so a choice is made once; the text stays.
    if (click.message && click.channel) {
      const blocks = (click.message.blocks ?? []).filter((block) => block.type !== 'actions');
      blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: chosen(label) }] } as never);
      await client.chat
        .update({ channel: click.channel.id, ts: click.message.ts, text: click.message.text ?? label, blocks: blocks as never })
        .catch((error: unknown) => logger.warn('slack: removing choice buttons failed', error));
    }
    await answer(fromChoiceClick(click, action.value ?? label));
  });
  app.error(async (error) => {
    // Turns have their own boundary; this catches what fails around them, and the app keeps serving.
    logger.error('slack: unhandled error', error);
  });
}

/** A bounded set of recently seen ids. */
class RecentIds {
  private readonly ids = new Set<string>();

  constructor(private readonly capacity: number) {}

  /** Add an id; false when it was already there. */
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    // A Set iterates in insertion order, so the first entry is the oldest.
    if (this.ids.size > this.capacity) this.ids.delete(this.ids.values().next().value as string);
    return true;
  }
}

/** Display names for the activity log, looked up once per user; the id when Slack will not say. */
function nameLookup(client: webApi.WebClient, logger: Logger): (userId: string) => Promise<string> {
  const names = new Map<string, Promise<string>>();
  return (userId) => {
    let name = names.get(userId);
    if (!name) {
      name = client.users
        .info({ user: userId })
        .then((result) => {
          const profile = result.user?.profile;
          return profile?.display_name || profile?.real_name || result.user?.real_name || result.user?.name || userId;
        })
        .catch((error: unknown) => {
          logger.warn(`slack: users.info failed for ${userId}`, error);
          names.delete(userId);
          return userId;
        });
      names.set(userId, name);
    }
    return name;
  };
}

/** Warnings and errors on stderr (bolt's info chatter stays quiet). */
function defaultLogger(): Logger {
  let level = LogLevel.WARN;
  const rank = { [LogLevel.DEBUG]: 0, [LogLevel.INFO]: 1, [LogLevel.WARN]: 2, [LogLevel.ERROR]: 3 };
  const at = (wanted: LogLevel) => (...message: unknown[]) => {
    if (rank[wanted] >= rank[level]) console.error(`[slack] ${wanted}`, ...message);
  };
  return {
    debug: at(LogLevel.DEBUG),
    info: at(LogLevel.INFO),
    warn: at(LogLevel.WARN),
    error: at(LogLevel.ERROR),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
