/** Telegram registers its allow-list forms: `telegram:<user id>`, `telegram-chat:<chat id>`. */
import type { ChannelRegistration } from '../kit/index.ts';

/** The Telegram channel (started by app.ts from TELEGRAM_* settings). */
export const registration: ChannelRegistration = {
  label: 'Telegram',
  access: [{ platform: 'telegram', chat: 'telegram-chat' }],
};
