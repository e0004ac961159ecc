/** The chat channels: each turns platform events into `Incoming` and renders `Reply`. */
import type { Assistant, Channel } from '../assistant/index.ts';
import type { Settings } from '../config.ts';
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

/** A chat platform that starts from its own settings; its code (and SDK) loads only when configured. */
export interface PlatformRegistration {
  /** The platform's name as the person running Lüzhi knows it (for start-up messages). */
  readonly label: string;
  /** Whether any of its settings is present (then it starts, or says what is missing). */
  configured(settings: Settings): boolean;
  /** Whether it listens for HTTP callbacks on PORT. */
  usesPort?(settings: Settings): boolean;
  load(): Promise<(settings: Settings, assistant: Assistant) => Channel[]>;
}

const anySetting = (settings: Settings, prefix: string) => Object.entries(settings).some(([name, value]) => name.startsWith(prefix) && value !== undefined);

/** The platforms registered this way: adding one is one entry here plus its folder. */
export const PLATFORMS: readonly PlatformRegistration[] = [
  { label: '企业微信', configured: (s) => anySetting(s, 'WECOM_'), usesPort: (s) => Boolean(s.WECOM_CORP_ID || s.WECOM_TOKEN || s.WECOM_AES_KEY), load: async () => (await import('./wecom/index.ts')).wecomFromSettings },
  { label: '钉钉', configured: (s) => anySetting(s, 'DINGTALK_'), load: async () => (await import('./dingtalk/index.ts')).dingtalkFromSettings },
  { label: '飞书', configured: (s) => anySetting(s, 'FEISHU_'), load: async () => (await import('./feishu/index.ts')).feishuFromSettings },
];
