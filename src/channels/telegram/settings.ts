/** Telegram's variables: long polling (the default), or a webhook when TELEGRAM_WEBHOOK_URL is set. */
import { z } from 'zod';
import { channelSettings, optionalText, optionalUrl } from '../kit/index.ts';

/** Telegram, typed by its mode. */
export type TelegramSettings =
  | { readonly mode: 'polling'; readonly token: string; readonly apiRoot?: string }
  | {
    readonly mode: 'webhook'; readonly token: string; readonly apiRoot?: string;
    readonly url: string;
    /** TELEGRAM_WEBHOOK_SECRET; absent means Lüzhi picks one when it registers the webhook. */
    readonly secret?: string;
    /** PORT, 8443 when unset. */
    readonly port: number;
  };

/** TELEGRAM_BOT_TOKEN, TELEGRAM_API_ROOT, TELEGRAM_WEBHOOK_URL, TELEGRAM_WEBHOOK_SECRET. */
export const telegramSettings = channelSettings({
  TELEGRAM_BOT_TOKEN: optionalText,
  TELEGRAM_API_ROOT: optionalText,
  TELEGRAM_WEBHOOK_URL: optionalUrl,
  TELEGRAM_WEBHOOK_SECRET: optionalText.pipe(z.string().regex(/^[A-Za-z0-9_-]{1,256}$/).optional()),
}, (env, shared): TelegramSettings | undefined => {
  const token = env.TELEGRAM_BOT_TOKEN;
  if (!token) return undefined;
  if (!env.TELEGRAM_WEBHOOK_URL) return { mode: 'polling', token, apiRoot: env.TELEGRAM_API_ROOT };
  return {
    mode: 'webhook', token, apiRoot: env.TELEGRAM_API_ROOT,
    url: env.TELEGRAM_WEBHOOK_URL, secret: env.TELEGRAM_WEBHOOK_SECRET, port: shared.PORT ?? 8443,
  };
});
