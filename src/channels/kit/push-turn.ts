/**
 * One turn on a platform where the bot sends messages (and may not edit them): the
 * government messengers. The assistant's reply is split to the platform's limit, choices become
 * buttons where the platform has them and numbered replies where not, files follow; progress
 * of a long ingest is shown at a sensible rate; a reply that cannot be delivered is logged
 * with a reference and, if at all possible, the person is told so.
 */
import type { Assistant, Incoming, ReplyChoice, ReplyFile } from '../../assistant/index.ts';
import { errorReference } from '../../errors.ts';
import { turnLogger, type ChannelLogger } from './logger.ts';
import { deliveryFailed, SEE_FILES } from './messages.ts';
import type { NumberedChoices } from './numbered-choices.ts';

/** What a platform can do in one conversation. */
export interface Outbox {
  /** Send one piece of text, already in the platform's markup and within its limit. */
  text(piece: string): Promise<void>;
  /** Send the last piece with buttons for the choices; absent where the platform has none. */
  buttons?(piece: string, choices: readonly ReplyChoice[]): Promise<void>;
  /** Send a chart (image) or a draft (document). */
  file(file: ReplyFile): Promise<void>;
  /** Show the answer written so far, where the platform can update one message as it grows. */
  partial?(textSoFar: string): Promise<void>;
  /** Show progress in the message the answer will replace, where there is one; else progress is sent as text. */
  status?(text: string): Promise<void>;
}

/** Everything one turn needs. */
export interface PushTurn {
  /** The assistant, already inside the error boundary (`guardAssistant`). */
  readonly assistant: Assistant;
  readonly incoming: Omit<Incoming, 'progress'>;
  readonly outbox: Outbox;
  /** Reply text (plain, `**bold**`) → pieces in the platform's markup, each within its limit. */
  readonly render: (text: string) => string[];
  readonly choices: NumberedChoices;
  readonly logger: ChannelLogger;
  /** Least time between two progress messages (a long ingest reports often); default 5 s. */
  readonly progressIntervalMs?: number;
}

/** Run one turn to the end; never throws. */
export async function runPushTurn(turn: PushTurn): Promise<void> {
  const { outbox, incoming } = turn;
  const logger = turnLogger(turn.logger, incoming);
  const interval = turn.progressIntervalMs ?? 5_000;
  let lastProgress = Number.NEGATIVE_INFINITY;
  const progress = async (text: string): Promise<void> => {
    // Each progress line is a new message here: the first is shown, later ones at most once per interval.
    if (Date.now() - lastProgress < interval) return;
    lastProgress = Date.now();
    const shown = turn.render(text)[0] ?? text;
    await (outbox.status ? outbox.status(shown) : outbox.text(shown)).catch((error: unknown) => logger.warn('progress message failed', { error }));
  };
  const sink = outbox.partial ? { partial: (text: string) => outbox.partial!(text) } : undefined;
  const reply = await turn.assistant.handle({ ...incoming, progress }, sink);
  try {
    const files = reply.files ?? [];
    const text = reply.text.trim() !== '' ? reply.text : files.length > 0 ? SEE_FILES : '';
    const choices = reply.choices ?? [];
    const withNumbers = choices.length > 0 && !outbox.buttons ? `${text}\n\n${await turn.choices.offer(incoming.threadId, choices)}` : text;
    const pieces = withNumbers === '' ? [] : turn.render(withNumbers);
    for (const [index, piece] of pieces.entries()) {
      const last = index === pieces.length - 1;
      if (last && choices.length > 0 && outbox.buttons) await outbox.buttons(piece, choices);
      else await outbox.text(piece);
    }
    for (const file of files) await outbox.file(file);
  } catch (error) {
    const ref = errorReference();
    logger.error('reply could not be delivered', { ref, thread: incoming.threadId, error });
    await outbox.text(deliveryFailed(ref)).catch((lastError: unknown) => logger.error('could not tell the user about the failure', { ref, error: lastError }));
  }
}
