/** DingTalk registers its settings and its allow-list forms: `dingtalk:<staffId>`, `dingtalk-chat:<conversationId>`. */
import type { ChannelRegistration } from '../kit/index.ts';
import { PLATFORM } from './messages.ts';
import { dingtalkSettings, type DingtalkSettings } from './settings.ts';

/** The DingTalk channel, loaded when a DINGTALK_* setting is given. */
export const registration: ChannelRegistration<DingtalkSettings> = {
  label: PLATFORM,
  access: [{ platform: 'dingtalk', chat: 'dingtalk-chat' }],
  settings: dingtalkSettings,
  load: async () => (await import('./index.ts')).startDingtalk,
};
