/** Feishu's variables: FEISHU_APP_ID and FEISHU_APP_SECRET (both, or the start stops), and FEISHU_DOMAIN for Lark or a private deployment. */
import { z } from 'zod';
import { UserError } from '../../errors.ts';
import { channelSettings, optionalText } from '../kit/index.ts';
import { DOMAIN_FORMAT, INCOMPLETE } from './messages.ts';

/** The Feishu bot over its long connection. */
export interface FeishuSettings {
  readonly appId: string;
  readonly appSecret: string;
  /** `feishu` (default), `lark`, or a private deployment's address. */
  readonly domain?: string;
}

/** Every FEISHU_* variable. */
export const feishuSettings = channelSettings({
  FEISHU_APP_ID: optionalText,
  FEISHU_APP_SECRET: optionalText,
  FEISHU_DOMAIN: optionalText.pipe(z.union([z.enum(['feishu', 'lark']), z.url()], DOMAIN_FORMAT).optional()),
}, (env): FeishuSettings | undefined => {
  const given = Object.values(env).some((value) => value !== undefined);
  if (!given) return undefined;
  if (!env.FEISHU_APP_ID || !env.FEISHU_APP_SECRET) throw new UserError('bad_setting', INCOMPLETE);
  return { appId: env.FEISHU_APP_ID, appSecret: env.FEISHU_APP_SECRET, domain: env.FEISHU_DOMAIN };
});
