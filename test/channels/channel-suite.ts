/**
 * The channel suite every channel passes (terminal, Telegram, Slack): replies arrive,
 * thread ids round-trip, the bot never answers itself, and a failing assistant turn is
 * shown to the user as a Chinese apology with an error code while the channel keeps serving.
 *
 * A channel's test file calls `runChannelSuite('telegram', () => makeTelegramHarness())`.
 * The harness drives the real channel through its real transport (stdin/stdout, a Bot API
 * stand-in, a Slack stand-in) and reports what a user would see.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Assistant, Incoming, Platform, Reply } from '../../src/assistant/types.ts';

/** One message as the user sees it in the chat (its latest text, after any edits). */
export interface ShownMessage {
  /** The harness's label of the conversation it appeared in (see `userSays`). */
  readonly conversation: string;
  /** The visible text, markup removed or not (the suite only looks for substrings). */
  readonly text: string;
}

/** What a channel's test provides so the shared suite can drive it. */
export interface ChannelHarness {
  readonly platform: Platform;
  /** Build the real channel around `assistant` and start it (as main.ts would). */
  start(assistant: Assistant): Promise<void>;
  /**
   * Deliver a message from an allowed user, as the platform would. `conversation` is a
   * label the harness maps to one chat / thread / reply chain; different labels are
   * different conversations. Harnesses that have only one conversation (the terminal)
   * set `singleConversation`.
   */
  userSays(text: string, conversation: string): Promise<void>;
  /** Deliver a message written by the bot itself, as the platform would echo it. */
  botSays(text: string, conversation: string): Promise<void>;
  /** Every message shown so far, in order. */
  shown(): readonly ShownMessage[];
  /** Stop the channel and release everything the harness started. */
  stop(): Promise<void>;
  /** True when the channel has exactly one conversation (the terminal): thread tests adapt. */
  readonly singleConversation?: boolean;
}

/** An assistant that records what it was given and answers `回声：<text>`; `出错` makes it throw. */
export class RecordingAssistant implements Assistant {
  readonly received: Incoming[] = [];

  async handle(incoming: Incoming): Promise<Reply> {
    this.received.push(incoming);
    if (incoming.text.includes('出错')) throw new Error('simulated failure in the assistant');
    return { text: `回声：${incoming.text}` };
  }
}

/** Poll until `shown()` satisfies `predicate`, or fail with what was shown. */
export async function waitForShown(
  harness: ChannelHarness,
  predicate: (shown: readonly ShownMessage[]) => boolean,
  what: string,
  timeoutMs = 8000,
): Promise<readonly ShownMessage[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const shown = harness.shown();
    if (predicate(shown)) return shown;
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}; shown so far: ${JSON.stringify(shown)}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

const has = (shown: readonly ShownMessage[], text: string, conversation?: string) =>
  shown.some((m) => m.text.includes(text) && (conversation === undefined || m.conversation === conversation));

/** Run the shared channel suite against one channel. */
export function runChannelSuite(name: string, makeHarness: () => ChannelHarness | Promise<ChannelHarness>): void {
  describe(`channel suite: ${name}`, () => {
    let harness: ChannelHarness;
    let assistant: RecordingAssistant;

    beforeEach(async () => {
      harness = await makeHarness();
      assistant = new RecordingAssistant();
      await harness.start(assistant);
    });
    afterEach(async () => {
      await harness.stop();
    });

    it('delivers the reply to the user', async () => {
      await harness.userSays('常委会会议多久开一次', 'a');
      await waitForShown(harness, (s) => has(s, '回声：常委会会议多久开一次', 'a'), 'the echoed reply');
      const incoming = assistant.received[0];
      expect(incoming.platform).toBe(harness.platform);
      expect(incoming.text).toBe('常委会会议多久开一次');
      expect(incoming.userId).not.toBe('');
    });

    it('keeps one thread id per conversation and replies where the message came from', async () => {
      await harness.userSays('第一句', 'a');
      await waitForShown(harness, (s) => has(s, '回声：第一句', 'a'), 'the first reply');
      await harness.userSays('第二句', 'a');
      await waitForShown(harness, (s) => has(s, '回声：第二句', 'a'), 'the second reply');
      const [first, second] = assistant.received;
      expect(first.threadId.startsWith(`${harness.platform}:`)).toBe(true);
      expect(second.threadId).toBe(first.threadId);
      if (harness.singleConversation) return;
      await harness.userSays('另一处', 'b');
      const shown = await waitForShown(harness, (s) => has(s, '回声：另一处', 'b'), 'the reply in conversation b');
      expect(assistant.received[2].threadId).not.toBe(first.threadId);
      expect(assistant.received[2].threadId.startsWith(`${harness.platform}:`)).toBe(true);
      // Nothing meant for b landed in a, and nothing meant for a in b.
      expect(has(shown, '回声：另一处', 'a')).toBe(false);
      expect(has(shown, '回声：第一句', 'b')).toBe(false);
    });

    it('never answers its own messages', async () => {
      await harness.botSays('回声：我自己说的话', 'a');
      await harness.userSays('之后的问题', 'a');
      await waitForShown(harness, (s) => has(s, '回声：之后的问题'), 'the reply to the user');
      expect(assistant.received.map((m) => m.text)).toEqual(['之后的问题']);
      expect(harness.shown().filter((m) => m.text.includes('回声：回声'))).toEqual([]);
    });

    it('shows a failed turn as a Chinese apology with an error code, logs it, and keeps serving', async () => {
      const logged: string[] = [];
      const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
        logged.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
        return true;
      });
      try {
        await harness.userSays('这一句会出错', 'a');
        const shown = await waitForShown(harness, (s) => has(s, '抱歉', 'a'), 'the apology');
        const apology = shown.find((m) => m.text.includes('抱歉'))!.text;
        const code = /错误编号\s*(E[0-9A-Z]{5})/.exec(apology)?.[1];
        expect(code, `apology names an error code: ${apology}`).toBeTruthy();
        expect(logged.join('')).toContain(code!);
        expect(apology).not.toContain('simulated failure'); // internals stay in the log
      } finally {
        spy.mockRestore();
      }
      await harness.userSays('还在吗', 'a');
      await waitForShown(harness, (s) => has(s, '回声：还在吗', 'a'), 'the reply after the failure');
    });
  });
}
