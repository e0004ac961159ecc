/**
 * Whether a message speaks to the bot, and its text with the bot's name taken out.
 * In private chats everything is addressed; in groups only a command, an @mention of the
 * bot, or a reply to one of its messages — so it never talks over a conversation.
 */
import type { Message, MessageEntity, UserFromGetMe } from 'grammy/types';

/** The text the assistant should read, or `undefined` when the bot should stay quiet. */
export function addressedText(message: Message, me: UserFromGetMe): string | undefined {
  const raw = message.text ?? message.caption ?? '';
  const entities = message.entities ?? message.caption_entities ?? [];
  const isPrivate = message.chat.type === 'private';
  const username = me.username.toLowerCase();

  let addressed = isPrivate || message.reply_to_message?.from?.id === me.id;
  const cuts: { offset: number; length: number; keep: string }[] = [];
  for (const entity of entities) {
    const piece = raw.slice(entity.offset, entity.offset + entity.length);
    if (entity.type === 'bot_command' && entity.offset === 0) {
      const at = piece.indexOf('@');
      if (at >= 0) {
        // `/ask@other_bot` is meant for another bot in the group.
        if (piece.slice(at + 1).toLowerCase() !== username) return undefined;
        cuts.push({ offset: entity.offset, length: entity.length, keep: piece.slice(0, at) });
      }
      addressed = true;
    } else if (isMentionOfMe(entity, piece, me)) {
      cuts.push({ offset: entity.offset, length: entity.length, keep: '' });
      addressed = true;
    }
  }
  if (!addressed) return undefined;

  let text = raw;
  for (const cut of cuts.sort((a, b) => b.offset - a.offset)) {
    text = text.slice(0, cut.offset) + cut.keep + text.slice(cut.offset + cut.length);
  }
  return text.replace(/[ \t]{2,}/g, ' ').trim();
}

function isMentionOfMe(entity: MessageEntity, piece: string, me: UserFromGetMe): boolean {
  if (entity.type === 'mention') return piece.slice(1).toLowerCase() === me.username.toLowerCase();
  if (entity.type === 'text_mention') return entity.user.id === me.id;
  return false;
}
