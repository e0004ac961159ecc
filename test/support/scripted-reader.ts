/**
 * A message reader implementing the real `MessageReader` interface whose readings the
 * test states in advance (text → reading); anything else reads as a question. It lets the
 * assistant's own logic be tested apart from the reader's rules.
 */
import type { IsoDate } from '../../src/time/types.ts';
import type { MessageReader, Reading } from '../../src/reader/types.ts';

/** Reads messages from a script; records every (text, now) it was asked about. */
export class ScriptedReader implements MessageReader {
  readonly calls: Array<{ text: string; now: IsoDate }> = [];

  constructor(private readonly script: Record<string, Reading>, private readonly fallback: Reading = { intent: 'ask' }) {}

  async read(text: string, now: IsoDate): Promise<Reading> {
    this.calls.push({ text, now });
    return this.script[text] ?? this.fallback;
  }
}
