/**
 * Choices answered by number where a platform shows no buttons: the reply lists them as
 * "1. 按计划记录", and a reply of just "1" in the same conversation sends that choice's text.
 * A choice is used once; it is kept in the conversation store (the data folder's database in
 * `npm start`) for a week, so a question asked before a restart is answered after it.
 */
import type { ReplyChoice } from '../../assistant/index.ts';
import type { ConversationStore } from '../../storage/index.ts';
import { numberedChoices } from './messages.ts';

/** How long offered choices and buttons stay answerable: a week, as Telegram's buttons. */
export const CHOICE_TTL_MS = 7 * 24 * 60 * 60_000;

/** Offered choices per conversation of one channel. */
export class NumberedChoices {
  /**
   * @param channel Prefix of the keys, so two channels with the same conversation ids keep apart.
   */
  constructor(
    private readonly store: ConversationStore,
    private readonly channel: string,
    private readonly now: () => number = Date.now,
  ) {}

  private key(conversation: string): string {
    return `${this.channel}\u0000${conversation}`;
  }

  /** Remember the choices of a conversation; returns the text that lists them. */
  async offer(conversation: string, choices: readonly ReplyChoice[]): Promise<string> {
    const kept = choices.map((choice) => ({ label: choice.label, send: choice.send }));
    await this.store.set('numbered-choices', this.key(conversation), kept, this.now() + CHOICE_TTL_MS);
    return numberedChoices(choices.map((choice) => choice.label));
  }

  /** A bare number answering an offer → that choice's text; anything else stays as typed. */
  async resolve(conversation: string, text: string): Promise<string> {
    const digits = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
    if (!/^\d{1,2}$/.test(digits)) return text;
    const choices = await this.store.get('numbered-choices', this.key(conversation));
    const choice = Array.isArray(choices) ? (choices[Number(digits) - 1] as { send?: unknown } | undefined) : undefined;
    if (typeof choice?.send !== 'string') return text;
    await this.store.delete('numbered-choices', this.key(conversation));
    return choice.send;
  }
}
