/** The chat channels: each turns platform events into `Incoming` and renders `Reply`. */
import type { AccessForm } from '../assistant/index.ts';
import type { ChannelRegistration, SettingsOf } from './kit/index.ts';
import * as registered from './registered.ts';
export type { TerminalChannel, TerminalChannelOptions } from './terminal/index.ts';
export type { TelegramChannel, TelegramChannelOptions, TelegramSettings } from './telegram/index.ts';
export type { SlackChannel, SlackChannelOptions, SlackSettings } from './slack/index.ts';
export { optionalText, type ChannelContext, type ChannelRegistration, type PortUse } from './kit/index.ts';

/** Every registered channel's settings, under its name; absent when none of its variables is given. */
export type ChannelSettingsByName = { readonly [Name in keyof typeof registered]?: SettingsOf<(typeof registered)[Name]> };

/**
 * A channel of the list, whatever its settings: each registration's `read` and `load` agree on
 * its own type (checked in its folder); here the value only passes from one to the other.
 */
export type RegisteredChannel = ChannelRegistration<any>;

/** Every channel, by the name its settings go under (src/channels/registered.ts lists them). */
export const REGISTERED: Readonly<Record<string, RegisteredChannel>> = registered;

/** Every channel, registered by its folder's `registration.ts`. */
export const CHANNELS: readonly RegisteredChannel[] = Object.values(REGISTERED);

/** How every channel's senders are written in the access lists (for `createAccess`). */
export const ACCESS_FORMS: readonly AccessForm[] = CHANNELS.flatMap((channel) => channel.access);

// The terminal is loaded on use too: reading the settings (every command does) should not pay for it.

/** `createTerminalChannel`, loaded on first use. */
export async function loadTerminalChannel(): Promise<typeof import('./terminal/index.ts').createTerminalChannel> {
  return (await import('./terminal/index.ts')).createTerminalChannel;
}
