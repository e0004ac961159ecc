/**
 * Everything the channel shows in one place of a conversation (a thread, or the channel itself
 * for a slash command): the status message, the streamed answer, the final reply with its
 * buttons and files. Calls run one after another so an edit never overtakes the post it edits.
 */
import type { webApi } from '@slack/bolt';
import type { ChannelLogger } from '../kit/index.ts';
import type { Reply, ReplyChoice } from '../../assistant/index.ts';
import { DONE, SEE_FILES } from './messages.ts';
import { splitForSlack, toMrkdwn } from './render.ts';

/** Prefix of the action ids of choice buttons, so the channel can route clicks back. */
export const CHOICE_ACTION_PREFIX = 'lvzhi_choice_';

type Block = Record<string, unknown>;

/** Output to one Slack conversation place. */
export class ThreadOutput {
  /** The message that shows status, then the streamed answer, then the reply's first part. */
  private statusTs: string | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly logger: ChannelLogger,
    readonly channel: string,
    /** Reply in this thread; undefined posts top-level (a slash command's answer). */
    readonly threadTs: string | undefined,
  ) {}

  /** The ts of the message that carries the answer, once it was posted. */
  get anchorTs(): string | undefined {
    return this.statusTs;
  }

  /** Show a short status (post it, or edit the status message). */
  status(text: string): Promise<void> {
    return this.enqueue(() => this.showOnAnchor(toMrkdwn(text)));
  }

  /** Show the answer written so far; failures are logged, the turn goes on. */
  partial(text: string): Promise<void> {
    return this.enqueue(() => this.showOnAnchor(toMrkdwn(text))).catch((error: unknown) => {
      this.logger.warn('showing a partial answer failed', { error });
    });
  }

  /** Show the final reply: text (split if long) with its choices, then its files. */
  reply(reply: Reply): Promise<void> {
    return this.enqueue(async () => {
      const files = reply.files ?? [];
      const fallback = files.length > 0 ? SEE_FILES : this.statusTs !== undefined ? DONE : '';
      const text = reply.text.trim() !== '' ? reply.text : fallback;
      if (text !== '') {
        const pieces = splitForSlack(toMrkdwn(text));
        for (const [index, piece] of pieces.entries()) {
          const last = index === pieces.length - 1;
          const blocks = last && reply.choices?.length ? choiceBlocks(piece, reply.choices) : undefined;
          if (index === 0) await this.showOnAnchor(piece, blocks);
          else await this.post(piece, blocks);
        }
      }
      for (const file of files) {
        const upload = {
          channel_id: this.channel,
          file: Buffer.from(file.data),
          filename: file.name,
          title: file.caption ?? file.name,
          ...(file.caption ? { initial_comment: toMrkdwn(file.caption) } : {}),
        };
        await this.client.filesUploadV2(this.threadTs ? { ...upload, thread_ts: this.threadTs } : upload);
      }
    });
  }

  /** Wait until everything queued so far has been shown (or failed). */
  async settled(): Promise<void> {
    await this.queue.catch(() => undefined);
  }

  private enqueue(operation: () => Promise<void>): Promise<void> {
    const next = this.queue.catch(() => undefined).then(operation);
    this.queue = next;
    return next;
  }

  private async showOnAnchor(text: string, blocks?: Block[]): Promise<void> {
    if (this.statusTs === undefined) {
      this.statusTs = await this.post(text, blocks);
      return;
    }
    await this.client.chat.update({ channel: this.channel, ts: this.statusTs, text, ...(blocks ? { blocks } : {}) });
  }

  private async post(text: string, blocks?: Block[]): Promise<string> {
    const result = await this.client.chat.postMessage({
      channel: this.channel,
      text,
      ...(this.threadTs ? { thread_ts: this.threadTs } : {}),
      ...(blocks ? { blocks } : {}),
    });
    if (!result.ts) throw new Error('chat.postMessage returned no ts');
    return result.ts;
  }
}

/** A section with the text and a row of buttons whose values are what gets sent back. */
function choiceBlocks(text: string, choices: readonly ReplyChoice[]): Block[] {
  return [
    { type: 'section', text: { type: 'mrkdwn', text } },
    {
      type: 'actions',
      block_id: 'lvzhi_choices',
      // Slack allows 25 elements per actions block, 75 characters per label, 2,000 per value.
      elements: choices.slice(0, 25).map((choice, index) => ({
        type: 'button',
        action_id: `${CHOICE_ACTION_PREFIX}${index}`,
        text: { type: 'plain_text', text: choice.label.slice(0, 75), emoji: true },
        value: choice.send.slice(0, 2000),
      })),
    },
  ];
}
