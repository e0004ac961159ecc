/**
 * The Telegram channel: `createTelegramChannel({ token, apiRoot?, webhook?, assistant })`
 * starts a grammY bot (long polling, or a webhook with a secret token) in front of the assistant.
 */
export { createTelegramChannel, type TelegramChannel, type TelegramChannelOptions } from './telegram-channel.ts';
export { formatThreadId, parseThreadId, type TelegramThread } from './thread-ids.ts';
export { escapeHtml, renderHtmlChunks, TELEGRAM_TEXT_LIMIT } from './render.ts';
export type { ChannelLogger } from '../kit/index.ts';
export { startTelegram } from './start.ts';
export { telegramSettings, type TelegramSettings } from './settings.ts';
