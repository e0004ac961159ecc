/**
 * One bot message that changes while the work goes on: a status line from `progress`,
 * then the answer as it is written (issue 5, streaming), then the final reply.
 * Edits are rate-limited (at most one per `intervalMs`) and skipped when nothing changed,
 * which keeps well inside Telegram's flood limits for a single chat.
 */
import { GrammyError, type Api } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { ChannelLogger } from './logger.ts';
import { renderHtmlSingle, TELEGRAM_TEXT_LIMIT } from './render.ts';

/** Where a live message goes: the chat, the topic, and the message it answers. */
export interface MessageTarget {
  readonly chatId: number;
  readonly topicId?: number;
  readonly replyTo?: number;
}

/** Options shared by every message the channel sends into a target. */
export function sendOptions(target: MessageTarget, replying: boolean) {
  return {
    parse_mode: 'HTML' as const,
    link_preview_options: { is_disabled: true },
    ...(target.topicId !== undefined ? { message_thread_id: target.topicId } : {}),
    ...(replying && target.replyTo !== undefined
      ? { reply_parameters: { message_id: target.replyTo, allow_sending_without_reply: true } }
      : {}),
  };
}

/** True for Telegram's "message is not modified", which only means the edit was a no-op. */
export function isNotModified(error: unknown): boolean {
  return error instanceof GrammyError && /not modified/i.test(error.description);
}

/** A message sent once and then edited in place. */
export class LiveMessage {
  /** The Telegram id of the message once sent. */
  messageId: number | undefined;
  private shownHtml = '';
  private lastShownAt = 0;
  private pending: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly api: Api,
    private readonly target: MessageTarget,
    private readonly intervalMs: number,
    private readonly logger: ChannelLogger,
    private readonly onSent: (messageId: number) => void,
  ) {}

  /** Show a status line; like streamed text, a burst of progress reports costs one edit per interval. */
  show(text: string): Promise<void> {
    return this.streamed(text);
  }

  /** Show this text soon: at most one edit per interval, the latest text wins. */
  streamed(textSoFar: string): Promise<void> {
    this.pending = textSoFar;
    if (this.timer) return Promise.resolve();
    const wait = this.lastShownAt + this.intervalMs - Date.now();
    if (wait <= 0) return this.flushPending();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flushPending();
    }, wait);
    return Promise.resolve();
  }

  /** Stop scheduled edits and wait for any edit under way, before the final reply takes over. */
  async settle(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = undefined;
    await this.chain;
  }

  /** Replace the message's content with final HTML (and buttons); false when it could not be edited. */
  async finish(html: string, keyboard?: InlineKeyboardMarkup): Promise<boolean> {
    await this.settle();
    if (this.messageId === undefined) return false;
    try {
      await this.api.editMessageText(this.target.chatId, this.messageId, html, {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        ...(keyboard ? { reply_markup: keyboard } : {}),
      });
      return true;
    } catch (error) {
      if (isNotModified(error) && !keyboard) return true;
      this.logger.warn('final edit failed, sending a new message instead', { error });
      return false;
    }
  }

  /** Take the message away (a status line with nothing to turn into). */
  async remove(): Promise<void> {
    await this.settle();
    if (this.messageId === undefined) return;
    await this.api.deleteMessage(this.target.chatId, this.messageId).catch((error) => this.logger.warn('could not delete the status message', { error }));
    this.messageId = undefined;
  }

  private flushPending(): Promise<void> {
    const text = this.pending;
    this.pending = undefined;
    return text === undefined ? Promise.resolve() : this.enqueue(text);
  }

  private enqueue(text: string): Promise<void> {
    this.chain = this.chain.then(() => this.put(text));
    return this.chain;
  }

  private async put(text: string): Promise<void> {
    const html = renderHtmlSingle(text, TELEGRAM_TEXT_LIMIT);
    if (html.trim() === '' || html === this.shownHtml) return;
    this.lastShownAt = Date.now();
    try {
      if (this.messageId === undefined) {
        const sent = await this.api.sendMessage(this.target.chatId, html, sendOptions(this.target, true));
        this.messageId = sent.message_id;
        this.onSent(sent.message_id);
      } else {
        await this.api.editMessageText(this.target.chatId, this.messageId, html, {
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
        });
      }
      this.shownHtml = html;
    } catch (error) {
      // A lost preview is not worth failing the turn for: the final reply follows.
      if (!isNotModified(error)) this.logger.warn('live message update failed', { error });
    } finally {
      this.lastShownAt = Date.now();
    }
  }
}
