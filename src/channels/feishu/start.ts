/** The Feishu channel from its settings. */
import type { Channel } from '../../assistant/index.ts';
import type { ChannelContext } from '../kit/index.ts';
import { createFeishuChannel } from './feishu-channel.ts';
import type { FeishuSettings } from './settings.ts';

/** The Feishu channel the settings ask for. */
export function startFeishu(settings: FeishuSettings, context: ChannelContext): Channel[] {
  return [createFeishuChannel({ ...settings, ...context })];
}
