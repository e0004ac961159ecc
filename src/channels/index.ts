/** The chat channels: each turns platform events into `Incoming` and renders `Reply`. */
export { createTerminalChannel, type TerminalChannel, type TerminalChannelOptions } from './terminal/index.ts';
export { createTelegramChannel, type TelegramChannel, type TelegramChannelOptions } from './telegram/index.ts';
export { createSlackChannel, type SlackChannel, type SlackChannelOptions } from './slack/index.ts';
