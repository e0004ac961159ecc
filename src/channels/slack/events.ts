/**
 * Slack payloads → what one turn needs: who, where to answer, what was said, which files.
 * Pure functions, so the rules (who is ignored, which thread) are tested without a server.
 */
import { fromSlackText } from './render.ts';
import type { SlackFileRef } from './slack-file.ts';

/** One user message the assistant should answer, with where the answer goes. */
export interface TurnRequest {
  readonly userId: string;
  /** Display name when the payload carries one; otherwise looked up. */
  readonly userName?: string;
  readonly channel: string;
  /** The thread to answer in; undefined answers top-level and the answer starts the thread. */
  readonly threadTs: string | undefined;
  readonly text: string;
  readonly files: readonly SlackFileRef[];
  /** When the person sent it (the message's `ts`); slash commands and clicks have none. */
  readonly sentAt?: Date;
}

/** A Slack `ts` ("1700000000.123456", seconds) as a time, or undefined when it is not one. */
export function timeOfTs(ts: string | undefined): Date | undefined {
  const seconds = Number(ts);
  return ts && Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : undefined;
}

/** The fields of a message or app_mention event the channel reads. */
export interface SlackMessageEvent {
  readonly type: string;
  readonly subtype?: string;
  readonly channel: string;
  readonly channel_type?: string;
  readonly user?: string;
  readonly bot_id?: string;
  readonly text?: string;
  readonly ts: string;
  readonly thread_ts?: string;
  readonly files?: readonly SlackFileRef[];
}

/** Message subtypes that are a person speaking; edits, joins, deletions and the like are not. */
const SPOKEN_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast']);

/** Whether a message or mention came from a bot (this one included): never answered. */
export function isFromBot(event: SlackMessageEvent, botUserId: string | undefined): boolean {
  return Boolean(event.bot_id) || event.subtype === 'bot_message' || (botUserId !== undefined && event.user === botUserId);
}

/** Whether this user addressed the bot in this channel thread before (see BotThreads). */
export type AddressedBefore = (channel: string, threadTs: string, userId: string) => boolean;

/**
 * A message event → a turn, or undefined when it is not for the bot: bots, non-speech
 * subtypes, and channel messages, which reach the bot as app_mention — except a reply in a
 * thread where the same user already addressed the bot (a follow-up without the mention).
 */
export function fromMessageEvent(
  event: SlackMessageEvent,
  botUserId: string | undefined,
  addressedBefore: AddressedBefore = () => false,
): TurnRequest | undefined {
  if (isFromBot(event, botUserId) || !event.user || !SPOKEN_SUBTYPES.has(event.subtype)) return undefined;
  if (event.type === 'message' && event.channel_type !== 'im') {
    const followUp = event.thread_ts !== undefined && addressedBefore(event.channel, event.thread_ts, event.user);
    // A message that mentions the bot also arrives as app_mention, and is answered from there.
    const mentions = botUserId !== undefined && (event.text ?? '').includes(`<@${botUserId}`);
    if (!followUp || mentions) return undefined;
  }
  const text = fromSlackText(event.text ?? '', botUserId);
  const files = event.files ?? [];
  if (text === '' && files.length === 0) return undefined;
  return {
    userId: event.user,
    channel: event.channel,
    // Every answer goes in the thread of the message, so a follow-up there keeps its context.
    threadTs: event.thread_ts ?? event.ts,
    text,
    files,
    ...(timeOfTs(event.ts) ? { sentAt: timeOfTs(event.ts) } : {}),
  };
}

/** The fields of a slash command payload the channel reads. */
export interface SlackCommandPayload {
  readonly user_id: string;
  readonly user_name?: string;
  readonly channel_id: string;
  readonly text?: string;
}

/** `/lvzhi stats 上半年` → `/stats 上半年`; words that are not a command go through as a plain message. */
export function fromSlashCommand(command: SlackCommandPayload): TurnRequest {
  const words = fromSlackText(command.text ?? '');
  let text: string;
  if (words === '') text = '/help';
  else if (words.startsWith('/')) text = words;
  else if (/^[A-Za-z]+(\s|$)/.test(words)) text = `/${words}`;
  else text = words;
  return {
    userId: command.user_id,
    ...(command.user_name ? { userName: command.user_name } : {}),
    channel: command.channel_id,
    threadTs: undefined,
    text,
    files: [],
  };
}

/** The fields of a block_actions payload the channel reads. */
export interface SlackActionPayload {
  readonly user: { readonly id: string; readonly name?: string; readonly username?: string };
  readonly channel?: { readonly id: string };
  readonly container?: { readonly channel_id?: string; readonly message_ts?: string; readonly thread_ts?: string };
  readonly message?: { readonly ts: string; readonly thread_ts?: string };
}

/** A click on a choice button → the choice's text sent back as if typed, in the same thread. */
export function fromChoiceClick(body: SlackActionPayload, value: string): TurnRequest | undefined {
  const channel = body.channel?.id ?? body.container?.channel_id;
  const messageTs = body.message?.ts ?? body.container?.message_ts;
  if (!channel || !messageTs) return undefined;
  const name = body.user.name ?? body.user.username;
  return {
    userId: body.user.id,
    ...(name ? { userName: name } : {}),
    channel,
    threadTs: body.message?.thread_ts ?? body.container?.thread_ts ?? messageTs,
    text: value,
    files: [],
  };
}
