/**
 * A ChatModel for tests of code that uses a model (assistant, drafting, answerers): it
 * plays scripted replies or failures and records what it was asked. For the model layer
 * itself, use the OpenAI stand-in server instead (test/support/openai-stand-in.ts).
 */
import type { ChatMessage, ChatModel } from '../../src/models/index.ts';
import { ModelError } from '../../src/models/index.ts';

/** One scripted turn: a reply, a reply computed from the messages, or a failure. */
export type FakeTurn = string | Error | ((messages: readonly ChatMessage[]) => string);

/** Scripted chat model; turns are used in order, then `fallbackTurn` forever. */
export class FakeChatModel implements ChatModel {
  readonly name: string;
  /** Every call's messages, in order. */
  readonly calls: ChatMessage[][] = [];
  private readonly turns: FakeTurn[];

  constructor(turns: FakeTurn[] = [], options: { name?: string; fallbackTurn?: FakeTurn; pieceSize?: number } = {}) {
    this.turns = [...turns];
    this.name = options.name ?? 'fake-chat';
    this.fallbackTurn = options.fallbackTurn ?? new ModelError('connection', 'fake model: no scripted turn left');
    this.pieceSize = options.pieceSize ?? 5;
  }

  private readonly fallbackTurn: FakeTurn;
  private readonly pieceSize: number;

  /** Add turns to the script. */
  script(...turns: FakeTurn[]): this {
    this.turns.push(...turns);
    return this;
  }

  private next(messages: readonly ChatMessage[]): string {
    this.calls.push([...messages]);
    const turn = this.turns.length ? this.turns.shift()! : this.fallbackTurn;
    if (turn instanceof Error) throw turn;
    return typeof turn === 'function' ? turn(messages) : turn;
  }

  /** The next scripted reply. */
  async complete(messages: readonly ChatMessage[], options?: { signal?: AbortSignal }): Promise<string> {
    if (options?.signal?.aborted) throw new ModelError('aborted', 'aborted');
    return this.next(messages);
  }

  /** The next scripted reply in pieces of `pieceSize` characters. */
  async *stream(messages: readonly ChatMessage[], options?: { signal?: AbortSignal }): AsyncIterable<string> {
    const text = this.next(messages);
    const chars = [...text];
    for (let i = 0; i < chars.length; i += this.pieceSize) {
      if (options?.signal?.aborted) throw new ModelError('aborted', 'aborted');
      yield chars.slice(i, i + this.pieceSize).join('');
    }
  }
}
