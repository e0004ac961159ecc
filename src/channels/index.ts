/** The chat channels: each turns platform events into `Incoming` and renders `Reply`. */
export { createTerminalChannel, type TerminalChannel, type TerminalChannelOptions } from './terminal/index.ts';
export type { TelegramChannel, TelegramChannelOptions } from './telegram/index.ts';
export type { SlackChannel, SlackChannelOptions } from './slack/index.ts';

// grammY and bolt take a noticeable part of a second to load: a terminal-only start skips them.

/** `createTelegramChannel`, loaded on first use. */
export async function loadTelegramChannel(): Promise<typeof import('./telegram/index.ts').createTelegramChannel> {
  return (await import('./telegram/index.ts')).createTelegramChannel;
}

/** `createSlackChannel`, loaded on first use. */
export async function loadSlackChannel(): Promise<typeof import('./slack/index.ts').createSlackChannel> {
  return (await import('./slack/index.ts')).createSlackChannel;
}
