/**
 * WeCom's variables: the self-built app when all five app settings are set (WECOM_CORP_ID,
 * WECOM_AGENT_ID, WECOM_SECRET, WECOM_TOKEN, WECOM_AES_KEY; WECOM_API_BASE for a private
 * deployment), the AI bot when WECOM_BOT_ID and WECOM_BOT_SECRET are; either or both. A part
 * of a set stops the start, naming what is missing.
 */
import { z } from 'zod';
import { UserError } from '../../errors.ts';
import { channelSettings, optionalText, optionalUrl } from '../kit/index.ts';
import { AES_KEY_FORMAT, AGENT_ID_FORMAT, incomplete } from './messages.ts';
import type { WecomChannelOptions } from './wecom-channel.ts';

/** The self-built app, receiving callbacks on PORT (8080 when unset). */
export type WecomAppSettings = Pick<WecomChannelOptions, 'corpId' | 'agentId' | 'secret' | 'token' | 'aesKey' | 'apiBase'> & { readonly port: number };

/** The AI bot over its long connection. */
export interface WecomBotSettings {
  readonly botId: string;
  readonly secret: string;
  readonly wsUrl?: string;
}

/** WeCom: the app, the bot, or both. */
export interface WecomSettings {
  readonly app?: WecomAppSettings;
  readonly bot?: WecomBotSettings;
}

const APP = ['WECOM_CORP_ID', 'WECOM_AGENT_ID', 'WECOM_SECRET', 'WECOM_TOKEN', 'WECOM_AES_KEY'] as const;
const BOT = ['WECOM_BOT_ID', 'WECOM_BOT_SECRET'] as const;

/** The names of a set that are missing, when some but not all are set. */
function partial(env: Readonly<Record<string, unknown>>, names: readonly string[]): string[] | undefined {
  const missing = names.filter((name) => !env[name]);
  return missing.length > 0 && missing.length < names.length ? missing : undefined;
}

/** Every WECOM_* variable. */
export const wecomSettings = channelSettings({
  WECOM_CORP_ID: optionalText,
  WECOM_AGENT_ID: optionalText.pipe(z.string().regex(/^\d+$/, AGENT_ID_FORMAT).optional()),
  WECOM_SECRET: optionalText,
  WECOM_TOKEN: optionalText,
  WECOM_AES_KEY: optionalText.pipe(z.string().regex(/^[A-Za-z0-9+/]{43}$/, AES_KEY_FORMAT).optional()),
  WECOM_API_BASE: optionalUrl,
  WECOM_BOT_ID: optionalText,
  WECOM_BOT_SECRET: optionalText,
  WECOM_BOT_WS_URL: optionalUrl,
}, (env, shared): WecomSettings | undefined => {
  for (const set of [APP, BOT]) {
    const missing = partial(env, set);
    if (missing) throw new UserError('bad_setting', incomplete(missing));
  }
  const app: WecomAppSettings | undefined = env.WECOM_CORP_ID
    ? {
      corpId: env.WECOM_CORP_ID, agentId: Number(env.WECOM_AGENT_ID), secret: env.WECOM_SECRET!, token: env.WECOM_TOKEN!,
      aesKey: env.WECOM_AES_KEY!, apiBase: env.WECOM_API_BASE, port: shared.PORT ?? 8080,
    }
    : undefined;
  const bot: WecomBotSettings | undefined = env.WECOM_BOT_ID ? { botId: env.WECOM_BOT_ID, secret: env.WECOM_BOT_SECRET!, wsUrl: env.WECOM_BOT_WS_URL } : undefined;
  return app || bot ? { app, bot } : undefined;
});
