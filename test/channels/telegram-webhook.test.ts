/**
 * Webhook mode: the real grammY bot behind its own HTTP server, registered with the stand-in
 * through `setWebhook` with a secret token; updates with a wrong or missing secret get 401
 * and reach no handler.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Assistant, Incoming } from '../../src/assistant/types.ts';
import { commandMenu } from '../../src/commands.ts';
import { createTelegramChannel, type TelegramChannel } from '../../src/channels/telegram/index.ts';
import { makeUser, privateChat, startTelegramStandIn, type TelegramStandIn } from '../support/telegram-stand-in.ts';
import { memoryLogger } from './telegram-harness.ts';

describe('telegram channel in webhook mode', () => {
  let standIn: TelegramStandIn;
  let channel: TelegramChannel;
  afterEach(async () => {
    await channel?.stop();
    await standIn?.close();
  });

  it('registers the webhook with its secret, answers signed updates and rejects the rest with 401', async () => {
    standIn = await startTelegramStandIn();
    const received: Incoming[] = [];
    const assistant: Assistant = {
      async handle(incoming) {
        received.push(incoming);
        return { text: `回声：${incoming.text}` };
      },
    };
    const secret = 'Secret_token-123';
    // The channel listens on a free port (0); the public URL would normally sit behind a
    // proxy, so the test points the stand-in at the port the channel actually got.
    channel = createTelegramChannel({
      token: standIn.token,
      apiRoot: standIn.apiRoot,
      assistant,
      logger: memoryLogger(),
      webhook: { url: 'http://127.0.0.1:0/telegram/hook', secret, port: 0, host: '127.0.0.1' },
    });
    await channel.start();
    const port = channel.webhookPort();
    expect(port).toBeGreaterThan(0);
    expect(standIn.webhook).toEqual({ url: 'http://127.0.0.1:0/telegram/hook', secret });
    expect(standIn.callsOf('getUpdates')).toHaveLength(0);
    expect(standIn.commands).toEqual(commandMenu());
    standIn.webhook = { url: `http://127.0.0.1:${port}/telegram/hook`, secret };

    const alice = makeUser(601, '赵');
    const message = standIn.userMessage({ chat: privateChat(alice), from: alice, text: '有密钥的问题' });
    expect(await standIn.postToWebhook({ message }, 'wrong-secret')).toBe(401);
    expect(await standIn.postToWebhook({ message }, null)).toBe(401);
    expect(await standIn.postToWebhook({ message })).toBe(200);
    await standIn.waitForText(alice.id, '回声：有密钥的问题');
    await channel.idle();
    expect(received.map((m) => m.text)).toEqual(['有密钥的问题']);
    expect(standIn.messagesIn(alice.id)).toHaveLength(1);
  });
});
