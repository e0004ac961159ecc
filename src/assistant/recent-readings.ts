/**
 * A message reader that remembers its last few readings for a minute: a turn that reads the same
 * words twice (each question of 今年视察了几次？去年呢？ is read to tell the questions apart, then
 * again when it is answered) asks the model once, not twice.
 */
import type { MessageReader, Reading } from '../reader/index.ts';
import type { IsoDate } from '../time/index.ts';

/** How many readings are kept, and for how long. */
const KEPT = 16;
const KEPT_MS = 60_000;

/** `reader`, with its recent readings remembered (by words and day); `clock` in milliseconds. */
export function rememberingReader(reader: MessageReader, clock: () => number = Date.now): MessageReader {
  const recent = new Map<string, { at: number; reading: Promise<Reading> }>();
  return {
    read(text: string, now: IsoDate): Promise<Reading> {
      const key = `${now}|${text}`;
      const kept = recent.get(key);
      if (kept && clock() - kept.at < KEPT_MS) return kept.reading;
      const reading = reader.read(text, now);
      recent.delete(key);
      recent.set(key, { at: clock(), reading });
      if (recent.size > KEPT) recent.delete(recent.keys().next().value!);
      // A failed reading is not kept: the next try reads again.
      reading.catch(() => recent.get(key)?.reading === reading && recent.delete(key));
      return reading;
    },
  };
}
