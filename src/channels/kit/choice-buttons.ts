/**
 * What each button of a card sends, kept in the conversation store for a week (so a card sent
 * before a restart still works after it). A card's buttons are used once: pressing one
 * forgets them all. Keys are random, so keys made after a restart never meet older ones.
 */
import { randomBytes } from 'node:crypto';
import type { ReplyChoice } from '../../assistant/index.ts';
import { BoundedMap } from '../../runtime/index.ts';
import type { ConversationStore } from '../../storage/index.ts';
import { CHOICE_TTL_MS } from './numbered-choices.ts';

/** A pressed button: its choice, the card's other keys, and what the channel kept with it. */
export interface PressedButton<Extra> {
  readonly label: string;
  readonly send: string;
  readonly extra: Extra;
}

interface Kept<Extra> {
  readonly label: string;
  readonly send: string;
  readonly card: readonly string[];
  readonly extra: Extra;
}

/** The buttons of one channel's cards; `Extra` is what the channel needs to answer a press (plain JSON). */
export class ChoiceButtons<Extra> {
  /** Cards pressed in this process: two presses at once on one card start one turn. */
  private readonly used = new BoundedMap<string, true>(20_000, CHOICE_TTL_MS);

  constructor(
    private readonly store: ConversationStore,
    private readonly channel: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Keep a card's choices; returns each button's key, in order. */
  async offer(choices: readonly ReplyChoice[], extra: Extra): Promise<string[]> {
    const card = choices.map(() => `b${randomBytes(9).toString('base64url')}`);
    for (const [index, choice] of choices.entries()) {
      const kept: Kept<Extra> = { label: choice.label, send: choice.send, card, extra };
      await this.store.set('choice-buttons', `${this.channel}\u0000${card[index]}`, kept, this.now() + CHOICE_TTL_MS);
    }
    return card;
  }

  /**
   * The button pressed, once (its card's buttons are forgotten); undefined when unknown, used,
   * expired, or not `accept`ed (a press by someone the card was not for leaves it as it is).
   */
  async press(key: string, accept: (extra: Extra) => boolean = () => true): Promise<PressedButton<Extra> | undefined> {
    const kept = await this.store.get('choice-buttons', `${this.channel}\u0000${key}`) as Kept<Extra> | undefined;
    if (typeof kept?.send !== 'string' || !Array.isArray(kept.card) || !accept(kept.extra)) return undefined;
    if (!this.used.firstSight(String(kept.card[0]), true)) return undefined;
    for (const other of kept.card) await this.store.delete('choice-buttons', `${this.channel}\u0000${other}`);
    return { label: kept.label, send: kept.send, extra: kept.extra };
  }
}
