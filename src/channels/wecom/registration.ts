/** WeCom (the app and the AI bot) registers its settings and its allow-list forms: `wecom:<userid>`, `wecom-chat:<chatid>`. */
import { anySetting, type ChannelRegistration } from '../kit/index.ts';

/** The WeCom channels, loaded when a WECOM_* setting is given. */
export const registration: ChannelRegistration = {
  label: '企业微信',
  access: [{ platform: 'wecom', chat: 'wecom-chat' }],
  configured: (settings) => anySetting(settings, 'WECOM_'),
  usesPort: (settings) => Boolean(settings.WECOM_CORP_ID || settings.WECOM_TOKEN || settings.WECOM_AES_KEY),
  load: async () => (await import('./index.ts')).wecomFromSettings,
};
