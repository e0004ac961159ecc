/**
 * Telegram benchmark: the real grammY bot against the Bot API stand-in on 127.0.0.1, in front
 * of the real offline assistant on a temporary data folder.
 *  - round trip of an offline `/ask`: from queuing the update to the reply's `sendMessage`;
 *  - 50 chats talking at once (each logging several activities and asking a count): every
 *    message answered, no error, no log entry lost.
 * `benchTelegram()` is what the main benchmark calls; run alone: `npx tsx scripts/bench-telegram.ts`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createTelegramChannel } from '../src/channels/telegram/index.ts';
import { memoryLogger } from '../test/channels/telegram-harness.ts';
import { openRealAssistant } from '../test/channels/telegram-real-assistant.ts';
import { makeUser, privateChat, startTelegramStandIn, type TelegramStandIn } from '../test/support/telegram-stand-in.ts';

/** What `benchTelegram` measures. */
export interface TelegramBenchResult {
  readonly ask_round_trips: number;
  readonly ask_round_trip_ms_p50: number;
  readonly ask_round_trip_ms_p95: number;
  readonly ask_round_trip_ms_max: number;
  /** Until the answer's last send or edit (with sources, after any streamed preview). */
  readonly ask_complete_ms_p50: number;
  readonly ask_complete_ms_p95: number;
  readonly concurrent_chats: number;
  readonly concurrent_messages: number;
  readonly concurrent_replies: number;
  readonly concurrent_wall_ms: number;
  readonly concurrent_reply_ms_p50: number;
  readonly concurrent_reply_ms_p95: number;
  readonly log_entries_expected: number;
  readonly log_entries_stored: number;
  /** What the bot answered to "今天调研了几次" once every chat was done (must equal the entries expected). */
  readonly final_count_shown: number;
  /** Apologies shown, errors the assistant or channel logged: all must be 0. */
  readonly errors: number;
}

const ARTICLES = [
  '第八条 常务委员会会议一般每两个月举行一次；有特殊需要的时候，可以临时召集会议。',
  '第九条 常务委员会会议由主任召集并主持。主任可以委托副主任主持会议。',
  '第十条 常务委员会会议须有常务委员会全体组成人员过半数出席，始得举行。',
  '第十五条 常务委员会听取和审议专项工作报告，可以对报告提出审议意见。',
  '第二十条 常务委员会组织执法检查，检查结束后形成执法检查报告。',
  '第二十六条 代表联络站每月组织代表集中接待选民，听取意见和建议。',
];
const QUESTIONS = [
  '/ask 常委会会议多久举行一次',
  '/ask 常委会会议由谁召集',
  '/ask 常委会会议须有多少人出席',
  '/ask 专项工作报告怎么审议',
  '/ask 执法检查结束后做什么',
  '/ask 代表联络站多久接待选民',
];

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);
}
const round = (ms: number) => Math.round(ms * 10) / 10;

/** The first message the bot sent into a chat after `since` (high-resolution ms). */
function firstReplyAt(standIn: TelegramStandIn, chatId: number, since: number): number | undefined {
  return standIn.calls.find((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === chatId && c.hrAt >= since)?.hrAt;
}

/** Run the Telegram benchmark; `asks` sequential questions, then `chats` chats of `logsPerChat` logs and a count each. */
export async function benchTelegram(options: { asks?: number; chats?: number; logsPerChat?: number } = {}): Promise<TelegramBenchResult> {
  const asks = options.asks ?? 30;
  const chats = options.chats ?? 50;
  const logsPerChat = options.logsPerChat ?? 4;
  const users = Array.from({ length: chats }, (_, i) => makeUser(20_000 + i, `干部${i + 1}`));
  const asker = makeUser(19_999, '提问人');
  const folder = mkdtempSync(join(tmpdir(), 'lvzhi-bench-tg-'));
  const standIn = await startTelegramStandIn();
  const real = await openRealAssistant({ allow: [asker, ...users].map((u) => `telegram:${u.id}`).join(',') });
  const logger = memoryLogger();
  const channel = createTelegramChannel({ token: standIn.token, apiRoot: standIn.apiRoot, assistant: real.assistant, logger, pollingTimeoutSeconds: 5 });
  try {
    const rules = join(folder, '议事规则.md');
    writeFileSync(rules, ['# 议事规则', '', ...ARTICLES.flatMap((a) => [a, ''])].join('\n'));
    await real.knowledge.ingest([rules]);
    await channel.start();

    // 1. Offline /ask, one at a time: push the update, wait for the reply's sendMessage.
    const roundTrips: number[] = [];
    const completions: number[] = [];
    const askChat = privateChat(asker);
    for (let i = 0; i < asks; i += 1) {
      const since = performance.now();
      standIn.say(askChat, asker, QUESTIONS[i % QUESTIONS.length]);
      const at = await standIn.waitFor(() => firstReplyAt(standIn, asker.id, since), `answer ${i + 1}`, 15_000);
      roundTrips.push(at - since);
      await channel.idle(); // the next question starts from a quiet bot
      const last = standIn.calls.filter((c) => /^(sendMessage|editMessageText)$/.test(c.method) && Number(c.params.chat_id) === asker.id && c.hrAt >= since).at(-1)!;
      completions.push(last.hrAt - since);
    }

    // 2. Every chat at once: logs and a count per chat, all queued before the bot polls them.
    const pushedAt = new Map<number, number>();
    const started = performance.now();
    for (const [i, user] of users.entries()) {
      const chat = privateChat(user);
      for (let j = 0; j < logsPerChat; j += 1) standIn.say(chat, user, `今天到第${i + 1}街道第${j + 1}社区调研了养老服务`);
      standIn.say(chat, user, '今天调研了几次');
      pushedAt.set(user.id, performance.now());
    }
    const perChat = logsPerChat + 1;
    await standIn.waitFor(
      () => users.every((u) => standIn.messagesIn(u.id).length >= perChat) || undefined,
      'every chat answered',
      120_000,
    );
    const wall = performance.now() - started;
    await channel.idle();
    const replyTimes = users.flatMap((u) =>
      standIn.calls
        .filter((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === u.id)
        .map((c) => c.hrAt - started),
    );
    const replies = users.reduce((n, u) => n + standIn.messagesIn(u.id).length, 0);
    const stored = real.log.list();
    // The log is the office's: a chat's count sees its own entries (its turns run in order)
    // and at most everyone's; a count asked afterwards sees exactly all of them.
    const total = chats * logsPerChat;
    const countIn = (text: string) => Number(/(\d+)\s*次/.exec(text)?.[1] ?? NaN);
    const countsInOrder = users.every((u) => {
      const count = countIn(standIn.messagesIn(u.id).at(-1)?.text ?? '');
      return count >= logsPerChat && count <= total;
    });
    const since = performance.now();
    standIn.say(askChat, asker, '今天调研了几次');
    await standIn.waitFor(() => firstReplyAt(standIn, asker.id, since), 'the final count', 15_000);
    await channel.idle();
    const finalCount = countIn(standIn.messagesIn(asker.id).at(-1)?.text ?? '');
    const countsRight = countsInOrder && finalCount === total;
    const lost = users.filter((u) => stored.filter((a) => a.by === `telegram:${u.id}`).length !== logsPerChat).length;
    const apologies = standIn.sent.filter((m) => m.text.includes('抱歉')).length;
    if (process.env.BENCH_DEBUG) console.error({ apologies, assistantErrors: real.errors, channelErrors: logger.lines.filter((l) => l.level === 'error'), countsInOrder, finalCount, lost, last: users.map((u) => standIn.messagesIn(u.id).at(-1)?.text) });
    const errors = apologies + real.errors.length + logger.lines.filter((l) => l.level === 'error').length + (countsRight ? 0 : 1) + lost;

    return {
      ask_round_trips: roundTrips.length,
      ask_round_trip_ms_p50: percentile(roundTrips, 50),
      ask_round_trip_ms_p95: percentile(roundTrips, 95),
      ask_round_trip_ms_max: percentile(roundTrips, 100),
      ask_complete_ms_p50: percentile(completions, 50),
      ask_complete_ms_p95: percentile(completions, 95),
      concurrent_chats: chats,
      concurrent_messages: chats * perChat,
      concurrent_replies: replies,
      concurrent_wall_ms: round(wall),
      concurrent_reply_ms_p50: percentile(replyTimes, 50),
      concurrent_reply_ms_p95: percentile(replyTimes, 95),
      log_entries_expected: total,
      final_count_shown: finalCount,
      log_entries_stored: stored.length,
      errors,
    };
  } finally {
    await channel.stop();
    await standIn.close();
    await real.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchTelegram()
    .then((result) => console.log(JSON.stringify(result)))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
