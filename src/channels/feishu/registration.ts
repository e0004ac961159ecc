/** Feishu registers its settings and its allow-list forms: `feishu:<open_id>`, `feishu-chat:<chat_id>`. */
import { anySetting, type ChannelRegistration } from '../kit/index.ts';

/** The Feishu channel, loaded when a FEISHU_* setting is given. */
export const registration: ChannelRegistration = {
  label: '飞书',
  access: [{ platform: 'feishu', chat: 'feishu-chat' }],
  configured: (settings) => anySetting(settings, 'FEISHU_'),
  load: async () => (await import('./index.ts')).feishuFromSettings,
};
