/**
 * Starts the real Slack channel (bolt) against the stand-in, over HTTP or Socket Mode,
 * and gives tests a user's view: say something, run a command, see what the bot shows.
 */
import { memoryChannelLogger, type ChannelLogger } from '../../src/channels/kit/index.ts';
import type { Assistant } from '../../src/assistant/types.ts';
import { createSlackChannel, type SlackChannel } from '../../src/channels/slack/index.ts';
import { HttpDelivery, SocketDelivery, type SlackDelivery } from '../support/slack-delivery.ts';
import { STAND_IN_BOT, startSlackStandIn, type SlackStandIn } from '../support/slack-stand-in.ts';

/** Which way Slack talks to the app. */
export type Transport = 'http' | 'socket';

/** The channel's log kept in memory, with its warnings and errors as text, so tests can check failures were logged. */
export interface RecordingLogger extends ChannelLogger {
  readonly lines: Record<string, unknown>[];
  readonly errors: string[];
  readonly warnings: string[];
}

/** A quiet logger that records what the channel logged (one JSON object per line, as on stderr). */
export function recordingLogger(): RecordingLogger {
  const logger = memoryChannelLogger('slack');
  const text = (level: string) => logger.lines
    .filter((line) => line.level === level)
    .map((line) => [line.message, (line.error as { message?: string } | undefined)?.message, line.reason].filter(Boolean).join(' '));
  // Getters, so a test reads what was logged up to that moment.
  return Object.defineProperties(logger, {
    errors: { get: () => text('error') },
    warnings: { get: () => text('warn') },
  }) as RecordingLogger;
}

/** A running channel with its stand-in. */
export interface SlackRig {
  readonly standIn: SlackStandIn;
  readonly channel: SlackChannel;
  readonly slack: SlackDelivery;
  readonly logger: RecordingLogger;
  /** Failed turns as the error log received them (with their `ref`). */
  readonly failures: Record<string, unknown>[];
  /** For HTTP: the events URL; undefined in Socket Mode. */
  readonly eventsUrl: string | undefined;
  readonly signingSecret: string;
  close(): Promise<void>;
}

const SIGNING_SECRET = 'stand-in-signing-secret';

/** Start the stand-in and the real channel on it. */
export async function startRig(
  transport: Transport,
  assistant: Assistant,
  extra: { streamIntervalMs?: number; statusDelayMs?: number; stderrLog?: boolean } = {},
): Promise<SlackRig> {
  const standIn = await startSlackStandIn();
  standIn.users.set('UALICE01', { name: '王芳', realName: '王芳' });
  standIn.users.set('UBOB0001', { name: '李明', realName: '李明' });
  const logger = recordingLogger();
  const failures: Record<string, unknown>[] = [];
  const channel = createSlackChannel({
    botToken: STAND_IN_BOT.botToken,
    ...(transport === 'socket' ? { appToken: STAND_IN_BOT.appToken } : { signingSecret: SIGNING_SECRET, port: 0 }),
    apiUrl: standIn.apiUrl,
    assistant,
    logger,
    // The shared channel suite reads the default log on stderr; other tests keep it quiet.
    ...(extra.stderrLog ? {} : { errorLog: (entry: Record<string, unknown>) => void failures.push(entry) }),
    retries: 0,
    streamIntervalMs: extra.streamIntervalMs ?? 50,
    statusDelayMs: extra.statusDelayMs ?? 5_000,
  });
  await channel.start();
  const eventsUrl = transport === 'http' ? `http://127.0.0.1:${channel.port}/slack/events` : undefined;
  const slack = eventsUrl ? new HttpDelivery(standIn, eventsUrl, SIGNING_SECRET) : new SocketDelivery(standIn);
  return {
    standIn,
    channel,
    slack,
    logger,
    failures,
    eventsUrl,
    signingSecret: SIGNING_SECRET,
    async close() {
      await channel.stop();
      await standIn.close();
    },
  };
}

/** A message a user writes: in a channel (mentioning the bot) or in a DM. */
export function userMessage(
  standIn: SlackStandIn,
  options: { user: string; text: string; channel?: string; dm?: boolean; plain?: boolean; threadTs?: string; files?: unknown[]; botId?: string; subtype?: string },
): Record<string, unknown> & { ts: string; channel: string } {
  const ts = standIn.newTs();
  const dm = options.dm ?? false;
  const channel = options.channel ?? (dm ? 'D0000001' : 'C0000001');
  // A DM, a channel message without the mention (`plain`), or a mention in a channel.
  const mention = !dm && !options.plain;
  return {
    type: mention ? 'app_mention' : 'message',
    ...(dm ? { channel_type: 'im' } : options.plain ? { channel_type: 'channel' } : {}),
    channel,
    user: options.user,
    text: mention ? `<@${STAND_IN_BOT.userId}> ${options.text}` : options.text,
    ts,
    ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
    ...(options.files ? { files: options.files, subtype: 'file_share' } : {}),
    ...(options.botId ? { bot_id: options.botId } : {}),
    ...(options.subtype ? { subtype: options.subtype } : {}),
  };
}
