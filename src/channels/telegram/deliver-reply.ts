/**
 * Reply → Telegram: HTML text split at 4096 characters (the first piece replacing the live
 * status/stream message when there is one), choices as an inline keyboard on the last piece,
 * images as photos and other files as documents.
 */
import { InputFile, type Api } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { Reply, ReplyChoice } from '../../assistant/index.ts';
import { BoundedMap } from '../kit/index.ts';
import { sendOptions, type LiveMessage, type MessageTarget } from './live-message.ts';
import { renderHtmlChunks, renderHtmlSingle, TELEGRAM_CAPTION_LIMIT } from './render.ts';

/** Keeps what each inline button sends back, since callback data holds only 64 bytes. */
export class ChoiceStore {
  private readonly byKey = new BoundedMap<string, { send: string; threadId: string }>(5_000);
  private next = 1;

  /** Remember a choice; returns the short callback data for its button. */
  put(choice: ReplyChoice, threadId: string): string {
    const key = `c${(this.next++).toString(36)}`;
    this.byKey.set(key, { send: choice.send, threadId });
    return key;
  }

  /** What a pressed button sends, or `undefined` if it is unknown (e.g. after a restart). */
  get(key: string): { send: string; threadId: string } | undefined {
    return this.byKey.get(key);
  }
}

function keyboardFor(choices: readonly ReplyChoice[], store: ChoiceStore, threadId: string): InlineKeyboardMarkup {
  return {
    inline_keyboard: choices.map((choice) => [{ text: choice.label, callback_data: store.put(choice, threadId) }]),
  };
}

/** Send a reply; returns the ids of the messages sent or edited, for the reply chains. */
export async function deliverReply(options: {
  api: Api;
  reply: Reply;
  target: MessageTarget;
  live: LiveMessage;
  choices: ChoiceStore;
  threadId: string;
}): Promise<number[]> {
  const { api, reply, target, live, choices, threadId } = options;
  const ids: number[] = [];
  const chunks = renderHtmlChunks(reply.text);
  const keyboard = reply.choices?.length ? keyboardFor(reply.choices, choices, threadId) : undefined;

  for (let i = 0; i < chunks.length; i += 1) {
    const last = i === chunks.length - 1;
    const markup = last ? keyboard : undefined;
    if (i === 0 && (await live.finish(chunks[0], markup))) {
      ids.push(live.messageId!);
      continue;
    }
    const sent = await api.sendMessage(target.chatId, chunks[i], {
      ...sendOptions(target, i === 0),
      ...(markup ? { reply_markup: markup } : {}),
    });
    ids.push(sent.message_id);
  }
  // A reply of files only: the status line has said its piece and goes.
  if (chunks.length === 0) await live.remove();

  for (const file of reply.files ?? []) {
    const input = new InputFile(file.data, file.name);
    const caption = file.caption ? renderHtmlSingle(file.caption, TELEGRAM_CAPTION_LIMIT) : undefined;
    const extra = { ...sendOptions(target, chunks.length === 0), ...(caption ? { caption } : {}) };
    const sent =
      file.kind === 'image'
        ? await api.sendPhoto(target.chatId, input, extra)
        : await api.sendDocument(target.chatId, input, extra);
    ids.push(sent.message_id);
  }
  return ids;
}
