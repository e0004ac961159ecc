/** The DingTalk channel from DINGTALK_CLIENT_ID and DINGTALK_CLIENT_SECRET (both, or the start stops). */
import type { Assistant, Channel } from '../../assistant/index.ts';
import type { Settings } from '../../config.ts';
import { UserError } from '../../errors.ts';
import { createDingtalkChannel } from './dingtalk-channel.ts';
import { INCOMPLETE } from './messages.ts';

/** The DingTalk channel the settings ask for. */
export function dingtalkFromSettings(settings: Settings, assistant: Assistant): Channel[] {
  if (!settings.DINGTALK_CLIENT_ID || !settings.DINGTALK_CLIENT_SECRET) throw new UserError('bad_setting', INCOMPLETE);
  return [createDingtalkChannel({
    clientId: settings.DINGTALK_CLIENT_ID,
    clientSecret: settings.DINGTALK_CLIENT_SECRET,
    apiBase: settings.DINGTALK_API_BASE,
    oapiBase: settings.DINGTALK_OAPI_BASE,
    assistant,
  })];
}
