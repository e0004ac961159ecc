/**
 * Slack's events, the slash command and the choice buttons → turns. Commands and clicks are
 * acknowledged first (bolt acknowledges events itself); the turn runs after.
 */
import type { App } from '@slack/bolt';
import { BoundedMap, type ChannelLogger } from '../kit/index.ts';
import {
  fromChoiceClick,
  fromMessageEvent,
  fromSlashCommand,
  type SlackActionPayload,
  type SlackMessageEvent,
  type TurnRequest,
} from './events.ts';
import { chosen } from './messages.ts';
import { toMrkdwn } from './render.ts';
import { BotThreads } from './thread-ids.ts';
import { CHOICE_ACTION_PREFIX } from './thread-output.ts';
import type { TurnHooks } from './turn.ts';

/** Starts one turn. */
export type AnswerTurn = (request: TurnRequest | undefined, hooks?: TurnHooks) => Promise<void>;

/** Wire Slack's events, the slash command and the choice buttons to turns. */
export function registerListeners(
  app: App,
  command: string,
  botUserId: string,
  answer: AnswerTurn,
  logger: ChannelLogger,
): void {
  const seen = new BoundedMap<string, true>(1000);
  // Slack redelivers an event it thinks was not acknowledged; the same event_id is answered once.
  const firstDelivery = (body: unknown) => {
    const id = (body as { event_id?: string }).event_id;
    return id === undefined || seen.firstSight(id, true);
  };
  const threads = new BotThreads();
  const addressedBefore = threads.has.bind(threads);
  app.event('app_mention', async ({ event, body }) => {
    if (!firstDelivery(body)) return;
    const request = fromMessageEvent(event as unknown as SlackMessageEvent, botUserId);
    if (request?.threadTs) threads.add(request.channel, request.threadTs, request.userId);
    await answer(request);
  });
  app.event('message', async ({ event, body }) => {
    if (firstDelivery(body)) await answer(fromMessageEvent(event as unknown as SlackMessageEvent, botUserId, addressedBefore));
  });
  app.command(command, async ({ command: payload, ack, respond }) => {
    await ack();
    const request = fromSlashCommand(payload);
    await answer(request, {
      respond: (text) => respond({ text, response_type: 'ephemeral' }),
      // Replies in the thread of the command's answer reach the bot without a mention.
      onThread: (threadTs) => threads.add(request.channel, threadTs, request.userId),
    });
  });
  app.action(new RegExp(`^${CHOICE_ACTION_PREFIX}`), async ({ ack, body, action, client }) => {
    await ack();
    if (action.type !== 'button' || body.type !== 'block_actions') return;
    const click = body as unknown as SlackActionPayload & { message?: { ts: string; text?: string; blocks?: Array<{ type: string }> } };
    const label = (action as { text?: { text?: string } }).text?.text ?? action.value ?? '';
    // Take the buttons away so a choice is made once; the text stays.
    if (click.message && click.channel) {
      const blocks = (click.message.blocks ?? []).filter((block) => block.type !== 'actions');
      blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: toMrkdwn(chosen(label)) }] } as never);
      await client.chat
        .update({ channel: click.channel.id, ts: click.message.ts, text: click.message.text ?? label, blocks: blocks as never })
        .catch((error: unknown) => logger.warn('removing choice buttons failed', { error }));
    }
    await answer(fromChoiceClick(click, action.value ?? label));
  });
  app.error(async (error) => {
    // Turns have their own boundary; this catches what fails around them, and the app keeps serving.
    logger.error('unhandled error', { error });
  });
}
