/** The DingTalk channel from its settings. */
import type { Channel } from '../../assistant/index.ts';
import type { ChannelContext } from '../kit/index.ts';
import { createDingtalkChannel } from './dingtalk-channel.ts';
import type { DingtalkSettings } from './settings.ts';

/** The DingTalk channel the settings ask for. */
export function startDingtalk(settings: DingtalkSettings, context: ChannelContext): Channel[] {
  return [createDingtalkChannel({ ...settings, ...context })];
}
