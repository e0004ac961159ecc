/** The chat channels: each turns platform events into `Incoming` and renders `Reply`. */
import type { AccessForm } from '../assistant/index.ts';
import type { ChannelRegistration } from './kit/index.ts';
import { registration as terminal } from './terminal/registration.ts';
import { registration as telegram } from './telegram/registration.ts';
import { registration as slack } from './slack/registration.ts';
import { registration as wecom } from './wecom/registration.ts';
import { registration as dingtalk } from './dingtalk/registration.ts';
import { registration as feishu } from './feishu/registration.ts';
export { createTerminalChannel, type TerminalChannel, type TerminalChannelOptions } from './terminal/index.ts';
export type { TelegramChannel, TelegramChannelOptions } from './telegram/index.ts';
export type { SlackChannel, SlackChannelOptions } from './slack/index.ts';
export type { ChannelRegistration } from './kit/index.ts';

// grammY and bolt take a noticeable part of a second to load: a terminal-only start skips them.

/** `createTelegramChannel`, loaded on first use. */
export async function loadTelegramChannel(): Promise<typeof import('./telegram/index.ts').createTelegramChannel> {
  return (await import('./telegram/index.ts')).createTelegramChannel;
}

/** `createSlackChannel`, loaded on first use. */
export async function loadSlackChannel(): Promise<typeof import('./slack/index.ts').createSlackChannel> {
  return (await import('./slack/index.ts')).createSlackChannel;
}

/**
 * Every channel, registered by its folder's `registration.ts`. Adding a channel is its folder
 * plus its line here (an import and an entry): its access forms, settings check and loading all come from the entry.
 */
export const CHANNELS: readonly ChannelRegistration[] = [
  terminal,
  telegram,
  slack,
  wecom,
  dingtalk,
  feishu,
];

/** How every channel's senders are written in the access lists (for `createAccess`). */
export const ACCESS_FORMS: readonly AccessForm[] = CHANNELS.flatMap((channel) => channel.access);

/** A chat platform that starts from its own settings; its code (and SDK) loads only when configured. */
export type PlatformRegistration = ChannelRegistration & Required<Pick<ChannelRegistration, 'configured' | 'load'>>;

/** The channels that start from their own settings (the others are wired by app.ts). */
export const PLATFORMS: readonly PlatformRegistration[] = CHANNELS.filter((channel): channel is PlatformRegistration => Boolean(channel.configured && channel.load));
