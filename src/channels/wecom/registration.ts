/** WeCom (the app and the AI bot) registers its settings and its allow-list forms: `wecom:<userid>`, `wecom-chat:<chatid>`. */
import type { ChannelRegistration } from '../kit/index.ts';
import { PLATFORM, PORT_INSTEAD } from './messages.ts';
import { wecomSettings, type WecomSettings } from './settings.ts';

/** The WeCom channels, loaded when a WECOM_* setting is given. */
export const registration: ChannelRegistration<WecomSettings> = {
  label: PLATFORM,
  access: [{ platform: 'wecom', chat: 'wecom-chat' }],
  settings: wecomSettings,
  port: (settings) => (settings.app ? { user: PLATFORM, instead: PORT_INSTEAD } : undefined),
  load: async () => (await import('./index.ts')).startWecom,
};
