/**
 * One turn: a TurnRequest → Incoming → assistant → what the user sees. Holds the error
 * boundary: whatever fails is logged with a reference and answered with a short apology,
 * and the channel keeps serving.
 */
import { webApi } from '@slack/bolt';
import { replyForError, type Assistant, type ErrorLog, type Incoming, type Reply } from '../../assistant/index.ts';
import { EditThrottle, turnLogger, type ChannelLogger } from '../kit/index.ts';
import type { TurnRequest } from './events.ts';
import { NOT_IN_CHANNEL, WORKING } from './messages.ts';
import { toMrkdwn } from './render.ts';
import { toIncomingFile } from './slack-file.ts';
import { threadIdOf } from './thread-ids.ts';
import { ThreadOutput } from './thread-output.ts';

/** What every turn needs from the channel. */
export interface TurnDeps {
  readonly client: webApi.WebClient;
  readonly botToken: string;
  /** The assistant, already inside the error boundary (`guardAssistant`). */
  readonly assistant: Assistant;
  readonly logger: ChannelLogger;
  /** Where failures around the turn (rendering, Slack refusing a call) are recorded with their code. */
  readonly errorLog: ErrorLog;
  /** Resolves a user id to a display name for the activity log. */
  readonly userName: (userId: string) => Promise<string>;
  /** Shortest gap between two edits of a streamed answer. */
  readonly streamIntervalMs: number;
  /** How long a turn may run before "正在处理…" is shown. */
  readonly statusDelayMs: number;
}

/** Slack's refusals that mean the bot cannot post in that conversation at all. */
const CANNOT_POST = new Set(['not_in_channel', 'channel_not_found', 'is_archived']);

/** What a turn may do besides posting in its conversation. */
export interface TurnHooks {
  /** A second way to reach the user (a slash command's response_url), for when the bot cannot post there. */
  readonly respond?: (text: string) => Promise<unknown>;
  /** Told the thread the turn answers in, once it exists (a command's answer starts one). */
  readonly onThread?: (threadTs: string) => void;
}

/** Run one turn to the end; never throws. */
export async function runTurn(deps: TurnDeps, request: TurnRequest, hooks: TurnHooks = {}): Promise<void> {
  const { respond } = hooks;
  const log = turnLogger(deps.logger, { chatId: request.channel, userId: request.userId });
  const output = new ThreadOutput(deps.client, log, request.channel, request.threadTs);
  let statusTimer: NodeJS.Timeout | undefined;
  let throttle: EditThrottle | undefined;
  let threadTs = request.threadTs;
  try {
    if (threadTs === undefined) {
      // A slash command answers top-level; its status message starts the thread that follow-ups use.
      await output.status(WORKING);
      threadTs = output.anchorTs as string;
      hooks.onThread?.(threadTs);
    } else {
      statusTimer = setTimeout(() => void output.status(WORKING).catch(() => undefined), deps.statusDelayMs);
    }
    const incoming: Incoming = {
      platform: 'slack',
      userId: request.userId,
      userName: request.userName ?? (await deps.userName(request.userId)),
      chatId: request.channel,
      threadId: threadIdOf(request.channel, threadTs),
      text: request.text,
      // Direct-message channels' ids start with D (a one-to-one conversation with the app).
      direct: request.channel.startsWith('D'),
      ...(request.sentAt ? { sentAt: request.sentAt } : {}),
      ...(request.files.length > 0
        ? { files: request.files.map((file) => toIncomingFile(file, deps.client, deps.botToken)) }
        : {}),
      progress: async (text) => {
        clearTimeout(statusTimer);
        await output.status(text);
      },
    };
    throttle = new EditThrottle(deps.streamIntervalMs, (text) => output.partial(text));
    const streaming = throttle;
    const reply = await deps.assistant.handle(incoming, {
      partial: async (textSoFar) => {
        clearTimeout(statusTimer);
        streaming.push(textSoFar);
      },
    });
    clearTimeout(statusTimer);
    await throttle.close();
    await output.reply(reply);
  } catch (error) {
    clearTimeout(statusTimer);
    await throttle?.close();
    const where = { platform: 'slack' as const, userId: request.userId, chatId: request.channel, threadId: threadIdOf(request.channel, threadTs ?? '') };
    if (error instanceof webApi.WebAPIPlatformError && CANNOT_POST.has(String(error.data.error)) && respond) {
      log.warn('cannot post in the conversation', { reason: String(error.data.error) });
      await respond(NOT_IN_CHANNEL).catch((respondError: unknown) => log.error('response_url failed', { error: respondError }));
      return;
    }
    await showFailure(deps, log, output, replyForError(error, where, deps.errorLog), respond);
  }
}

/** Show the reply for a failed turn (a UserError's own message, or an apology with its code). */
async function showFailure(deps: TurnDeps, log: ChannelLogger, output: ThreadOutput, reply: Reply, respond?: (text: string) => Promise<unknown>): Promise<void> {
  try {
    await output.reply(reply);
  } catch (renderError) {
    // The edit may be what failed; a fresh message is the last try.
    log.error('showing the failure failed', { error: renderError });
    try {
      if (respond) {
        await respond(toMrkdwn(reply.text));
        return;
      }
      await deps.client.chat.postMessage({
        channel: output.channel,
        text: toMrkdwn(reply.text),
        ...(output.threadTs ? { thread_ts: output.threadTs } : {}),
      });
    } catch (lastError) {
      log.error('could not tell the user about the failure', { error: lastError });
    }
  }
}
