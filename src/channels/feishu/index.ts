/**
 * The Feishu (飞书 / Lark) bot channel over the long connection: messages and files in
 * one-to-one and group chats, replies to the person's message, cards with buttons.
 */
export { createFeishuChannel, type FeishuChannel, type FeishuChannelOptions } from './feishu-channel.ts';
export { startFeishu } from './start.ts';
export { feishuSettings, type FeishuSettings } from './settings.ts';
