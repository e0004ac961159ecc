/** DingTalk's variables: DINGTALK_CLIENT_ID and DINGTALK_CLIENT_SECRET (both, or the start stops), and the API bases of 专有钉钉. */
import { UserError } from '../../errors.ts';
import { channelSettings, optionalText, optionalUrl } from '../kit/index.ts';
import { INCOMPLETE } from './messages.ts';

/** The DingTalk robot in Stream mode. */
export interface DingtalkSettings {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly apiBase?: string;
  readonly oapiBase?: string;
}

/** Every DINGTALK_* variable. */
export const dingtalkSettings = channelSettings({
  DINGTALK_CLIENT_ID: optionalText,
  DINGTALK_CLIENT_SECRET: optionalText,
  DINGTALK_API_BASE: optionalUrl,
  DINGTALK_OAPI_BASE: optionalUrl,
}, (env): DingtalkSettings | undefined => {
  const given = Object.values(env).some((value) => value !== undefined);
  if (!given) return undefined;
  if (!env.DINGTALK_CLIENT_ID || !env.DINGTALK_CLIENT_SECRET) throw new UserError('bad_setting', INCOMPLETE);
  return { clientId: env.DINGTALK_CLIENT_ID, clientSecret: env.DINGTALK_CLIENT_SECRET, apiBase: env.DINGTALK_API_BASE, oapiBase: env.DINGTALK_OAPI_BASE };
});
