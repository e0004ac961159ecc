/**
 * The WeCom (企业微信 / 政务微信) channels: a self-built app over its encrypted HTTP callback
 * and message API, and the AI bot over its long connection. Replies are plain text split at
 * WeCom's 2,048-byte limit; choices are card buttons or numbered replies.
 */
export { createWecomChannel, type WecomChannel, type WecomChannelOptions } from './wecom-channel.ts';
export { CALLBACK_PATH } from './callback-server.ts';
export { createWecomBotChannel, type WecomBotChannel, type WecomBotChannelOptions } from './bot-channel.ts';
export { startWecom } from './start.ts';
export { wecomSettings, type WecomSettings } from './settings.ts';
