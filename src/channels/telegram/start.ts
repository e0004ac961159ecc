/** The Telegram channel from its settings (Lüzhi registers the webhook itself, so it can choose the secret when none is set). */
import { randomBytes } from 'node:crypto';
import type { Channel } from '../../assistant/index.ts';
import type { ChannelContext } from '../kit/index.ts';
import type { TelegramSettings } from './settings.ts';
import { createTelegramChannel } from './telegram-channel.ts';

/** The Telegram channel the settings ask for. */
export function startTelegram(settings: TelegramSettings, context: ChannelContext): Channel[] {
  return [createTelegramChannel({
    token: settings.token,
    apiRoot: settings.apiRoot,
    ...context,
    webhook: settings.mode === 'webhook'
      ? { url: settings.url, secret: settings.secret ?? randomBytes(24).toString('hex'), port: settings.port }
      : undefined,
  })];
}
