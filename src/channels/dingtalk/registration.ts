/** DingTalk registers its settings and its allow-list forms: `dingtalk:<staffId>`, `dingtalk-chat:<conversationId>`. */
import { anySetting, type ChannelRegistration } from '../kit/index.ts';

/** The DingTalk channel, loaded when a DINGTALK_* setting is given. */
export const registration: ChannelRegistration = {
  label: '钉钉',
  access: [{ platform: 'dingtalk', chat: 'dingtalk-chat' }],
  configured: (settings) => anySetting(settings, 'DINGTALK_'),
  load: async () => (await import('./index.ts')).dingtalkFromSettings,
};
