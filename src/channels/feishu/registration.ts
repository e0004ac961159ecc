/** Feishu registers its settings and its allow-list forms: `feishu:<open_id>`, `feishu-chat:<chat_id>`. */
import type { ChannelRegistration } from '../kit/index.ts';
import { PLATFORM } from './messages.ts';
import { feishuSettings, type FeishuSettings } from './settings.ts';

/** The Feishu channel, loaded when a FEISHU_* setting is given. */
export const registration: ChannelRegistration<FeishuSettings> = {
  label: PLATFORM,
  access: [{ platform: 'feishu', chat: 'feishu-chat' }],
  settings: feishuSettings,
  load: async () => (await import('./index.ts')).startFeishu,
};
