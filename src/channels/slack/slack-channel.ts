/**
 * The Slack channel on @slack/bolt: Socket Mode when an app token is given, HTTP events
 * (signed, on `/slack/events`) otherwise. Events are acknowledged first (bolt does it for
 * events, `ack()` for commands and clicks) and the turn runs after.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, SocketModeReceiver, webApi } from '@slack/bolt';
import { guardAssistant, stderrErrorLog, type Assistant, type Channel, type ErrorLog } from '../../assistant/index.ts';
import { UserError, type ErrorCode } from '../../errors.ts';
import { InFlight, channelLogger, type ChannelLogger } from '../kit/index.ts';
import { boltLogger } from './bolt-logger.ts';
import { registerListeners, type AnswerTurn } from './listeners.ts';
import { BAD_APP_TOKEN, BAD_TOKEN, MISSING_TRANSPORT, portInUse, unreachable } from './messages.ts';
import { keepConnected } from './socket-reconnect.ts';
import { runTurn, type TurnDeps } from './turn.ts';
import { nameLookup } from './user-names.ts';

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
  /** The channel's log (bolt's warnings and errors included); default JSON lines on stderr. */
  readonly logger?: ChannelLogger;
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
  const logger = options.logger ?? channelLogger('slack');
  const bolt = boltLogger(logger);
  const apiUrl = options.apiUrl ? options.apiUrl.replace(/\/*$/, '/') : undefined;
  const webOptions = (): webApi.WebClientOptions => ({
    logger: bolt,
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    retryConfig: { retries: options.retries ?? 2, factor: 2, minTimeout: 200, maxTimeout: 2000 },
  });

  let app: App | undefined;
  let receiver: SocketModeReceiver | undefined;
  let server: Server | undefined;
  let stopReconnecting: (() => void) | undefined;
  let stopping = false;
  const inflight = new InFlight();

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
        throw startError(error, 'slack_auth', BAD_TOKEN, apiUrl);
      }
      if (options.appToken) {
        receiver = new SocketModeReceiver({
          appToken: options.appToken,
          logger: bolt,
          // Reconnects are ours (socket-reconnect.ts): bolt's can crash the process when they fail.
          autoReconnectEnabled: false,
          // The socket client's own Web API client (apps.connections.open) needs the same base URL.
          installerOptions: { clientOptions: webOptions() },
        });
      }
      app = new App({
        token: options.botToken,
        botUserId: identity.botUserId,
        botId: identity.botId,
        tokenVerificationEnabled: false,
        logger: bolt,
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
      const answer: AnswerTurn = (request, hooks) => (request ? inflight.track(runTurn(deps, request, hooks)) : Promise.resolve());
      registerListeners(app, options.command ?? '/lvzhi', identity.botUserId, answer, logger);

      stopping = false;
      try {
        if (receiver) await app.start();
        else server = (await app.start(options.port ?? 3000)) as Server;
      } catch (error) {
        const socket = receiver;
        app = undefined;
        receiver = undefined;
        if (socket) {
          await socket.client.disconnect().catch(() => undefined);
          throw startError(error, 'slack_app_token', BAD_APP_TOKEN, apiUrl);
        }
        if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
          throw new UserError('slack_port', portInUse(options.port ?? 3000), { cause: error });
        }
        throw error;
      }
      if (receiver) stopReconnecting = keepConnected(receiver.client, () => stopping, logger);
      logger.info('started', { mode, port: this.port });
    },

    async stop() {
      if (!app) return;
      const running = app;
      app = undefined;
      stopping = true;
      stopReconnecting?.();
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
      await inflight.idle();
    },
  };
}

/** Why the start failed, for the person running it: a refused token, or no connection at all. */
function startError(error: unknown, code: ErrorCode, refused: string, apiUrl: string | undefined): UserError {
  if (error instanceof webApi.WebAPIPlatformError) return new UserError(code, refused, { cause: error });
  return new UserError('slack_unreachable', unreachable(apiUrl ?? 'https://slack.com/api/'), { cause: error });
}
