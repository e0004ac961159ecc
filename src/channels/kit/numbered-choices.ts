/**
 * Choices answered by number where a platform shows no buttons: the reply lists them as
 * "1. 按计划记录", and a reply of just "1" in the same conversation sends that choice's text.
 * A choice is used once and kept for a limited time.
 */
import type { ReplyChoice } from '../../assistant/index.ts';
import { BoundedMap } from '../../runtime/index.ts';
import { numberedChoices } from './messages.ts';

/** Offered choices per conversation. */
export class NumberedChoices {
  private readonly offered: BoundedMap<string, readonly ReplyChoice[]>;

  constructor(capacity = 5_000, ttlMs = 24 * 60 * 60_000) {
    this.offered = new BoundedMap(capacity, ttlMs);
  }

  /** Remember the choices of a conversation; returns the text that lists them. */
  offer(conversation: string, choices: readonly ReplyChoice[]): string {
    this.offered.set(conversation, choices);
    return numberedChoices(choices.map((choice) => choice.label));
  }

  /** Forget the choices of a conversation (its buttons were used instead). */
  forget(conversation: string): void {
    this.offered.delete(conversation);
  }

  /** A bare number answering an offer → that choice's text; anything else stays as typed. */
  resolve(conversation: string, text: string): string {
    const digits = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
    if (!/^\d{1,2}$/.test(digits)) return text;
    const choices = this.offered.get(conversation);
    const choice = choices?.[Number(digits) - 1];
    if (!choice) return text;
    this.offered.delete(conversation);
    return choice.send;
  }
}
