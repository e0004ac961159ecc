/** The Feishu channel from FEISHU_APP_ID, FEISHU_APP_SECRET and FEISHU_DOMAIN (the first two both, or the start stops). */
import type { Assistant, Channel } from '../../assistant/index.ts';
import type { Settings } from '../../config.ts';
import { UserError } from '../../errors.ts';
import { createFeishuChannel } from './feishu-channel.ts';
import { INCOMPLETE } from './messages.ts';

/** The Feishu channel the settings ask for. */
export function feishuFromSettings(settings: Settings, assistant: Assistant): Channel[] {
  if (!settings.FEISHU_APP_ID || !settings.FEISHU_APP_SECRET) throw new UserError('bad_setting', INCOMPLETE);
  return [createFeishuChannel({ appId: settings.FEISHU_APP_ID, appSecret: settings.FEISHU_APP_SECRET, domain: settings.FEISHU_DOMAIN, assistant })];
}
