/** Test assistants implementing the real `Assistant` interface. */
import type { Assistant, Incoming, Reply } from '../../src/assistant/types.ts';

/** Answers every message with a fixed function of it, recording what it received. */
export class FakeAssistant implements Assistant {
  readonly received: Incoming[] = [];

  constructor(private readonly answer: (incoming: Incoming) => Reply | Promise<Reply> = (i) => ({ text: `回声：${i.text}` })) {}

  async handle(incoming: Incoming): Promise<Reply> {
    this.received.push(incoming);
    return this.answer(incoming);
  }
}
