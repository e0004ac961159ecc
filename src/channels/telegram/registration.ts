/** Telegram registers its settings and its allow-list forms: `telegram:<user id>`, `telegram-chat:<chat id>`. */
import type { ChannelRegistration } from '../kit/index.ts';
import { PORT_INSTEAD } from './messages.ts';
import { telegramSettings, type TelegramSettings } from './settings.ts';

/** The Telegram channel, loaded when TELEGRAM_BOT_TOKEN is given. */
export const registration: ChannelRegistration<TelegramSettings> = {
  label: 'Telegram',
  access: [{ platform: 'telegram', chat: 'telegram-chat' }],
  settings: telegramSettings,
  port: (settings) => (settings.mode === 'webhook' ? { user: 'Telegram webhook', instead: PORT_INSTEAD } : undefined),
  load: async () => (await import('./index.ts')).startTelegram,
};
