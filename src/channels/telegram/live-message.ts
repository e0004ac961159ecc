/**
 * One bot message that changes while the work goes on: a status line from `progress`,
 * then the answer as it is written (issue 5, streaming), then the final reply.
 * Edits are rate-limited (at most one per `intervalMs`) and skipped when nothing changed,
 * which keeps well inside Telegram's flood limits for a single chat.
 */
import { GrammyError, type Api } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { EditThrottle, type ChannelLogger } from '../kit/index.ts';
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
  private readonly throttle: EditThrottle;

  constructor(
    private readonly api: Api,
    private readonly target: MessageTarget,
    intervalMs: number,
    private readonly logger: ChannelLogger,
    private readonly onSent: (messageId: number) => void,
  ) {
    this.throttle = new EditThrottle(intervalMs, (text) => this.put(text));
  }

  /** Show a status line; like streamed text, a burst of progress reports costs one edit per interval. */
  async show(text: string): Promise<void> {
    this.throttle.push(text);
  }

  /** Show this text soon: at most one edit per interval, the latest text wins. */
  async streamed(textSoFar: string): Promise<void> {
    this.throttle.push(textSoFar);
  }

  /** Stop scheduled edits and wait for any edit under way, before the final reply takes over. */
  async settle(): Promise<void> {
    await this.throttle.close();
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

  private async put(text: string): Promise<void> {
    const html = renderHtmlSingle(text, TELEGRAM_TEXT_LIMIT);
    if (html.trim() === '' || html === this.shownHtml) return;
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
    }
  }
}
