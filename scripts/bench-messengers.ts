/**
 * Messenger benchmark: 50 people at once on each of the WeCom app (callback), the WeCom AI bot,
 * DingTalk (Stream) and Feishu (long connection) — the real channels against their stand-ins
 * on 127.0.0.1, in front of the real offline assistant on a temporary data folder. Each person
 * logs four activities and asks a count; every message must be answered, every entry stored,
 * the counts right, and nothing logged as an error.
 * `benchMessengers()` is what the main benchmark calls; run alone: `npx tsx scripts/bench-messengers.ts`.
 */
import { pathToFileURL } from 'node:url';
import type { Assistant } from '../src/assistant/index.ts';
import { memoryChannelLogger } from '../src/channels/kit/index.ts';
import { createDingtalkChannel } from '../src/channels/dingtalk/index.ts';
import { createFeishuChannel } from '../src/channels/feishu/index.ts';
import { createWecomBotChannel, createWecomChannel } from '../src/channels/wecom/index.ts';
import { openRealAssistant } from '../test/channels/telegram-real-assistant.ts';
import { startDingtalkStandIn } from '../test/support/dingtalk-stand-in.ts';
import { startFeishuStandIn } from '../test/support/feishu-stand-in.ts';
import { startWecomBotStandIn } from '../test/support/wecom-bot-stand-in.ts';
import { startWecomStandIn } from '../test/support/wecom-stand-in.ts';

/** Figures for one platform. */
export interface MessengerFigures {
  readonly people: number;
  readonly messages: number;
  readonly replies: number;
  readonly wall_ms: number;
  /** When each person had all their answers, from the first message sent. */
  readonly person_done_ms_p50: number;
  readonly person_done_ms_p95: number;
  readonly log_entries_expected: number;
  readonly log_entries_stored: number;
  /** Apologies shown, errors logged, entries lost, counts wrong: must be 0. */
  readonly errors: number;
}

/** One platform as the benchmark drives it. */
interface Rig {
  say(user: string, text: string): Promise<void>;
  replies(user: string): string[];
  readonly logger: ReturnType<typeof memoryChannelLogger>;
  close(): Promise<void>;
}

const round = (ms: number) => Math.round(ms * 10) / 10;
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);
}

const RIGS: Record<string, (assistant: Assistant) => Promise<Rig>> = {
  async wecom(assistant) {
    const standIn = await startWecomStandIn();
    const logger = memoryChannelLogger('wecom');
    const channel = createWecomChannel({ corpId: standIn.corpId, agentId: standIn.agentId, secret: standIn.secret, token: standIn.token, aesKey: standIn.aesKey, apiBase: standIn.apiBase, port: 0, host: '127.0.0.1', assistant, logger });
    await channel.start();
    const url = `http://127.0.0.1:${channel.port()}/wecom/callback`;
    return {
      logger,
      say: async (user, text) => void (await standIn.deliver(url, { from: user, text })),
      replies: (user) => standIn.sentTo(`user:${user}`).map((m) => m.text),
      close: async () => (await channel.stop(), await standIn.close()),
    };
  },
  async 'wecom-bot'(assistant) {
    const standIn = await startWecomBotStandIn();
    const logger = memoryChannelLogger('wecom');
    const channel = createWecomBotChannel({ botId: standIn.botId, secret: standIn.secret, wsUrl: standIn.wsUrl, assistant, logger });
    await channel.start();
    return {
      logger,
      say: async (user, text) => void standIn.say(user, text),
      replies: (user) => standIn.shownIn(user).filter((m) => m.finished).map((m) => m.text),
      close: async () => (await channel.stop(), await standIn.close()),
    };
  },
  async dingtalk(assistant) {
    const standIn = await startDingtalkStandIn();
    const logger = memoryChannelLogger('dingtalk');
    const channel = createDingtalkChannel({ clientId: standIn.clientId, clientSecret: standIn.clientSecret, apiBase: standIn.apiBase, oapiBase: standIn.apiBase, assistant, logger });
    await channel.start();
    return {
      logger,
      say: async (user, text) => void standIn.say({ staffId: user, text }),
      replies: (user) => standIn.sentTo(`cid-oto-${user}`).map((m) => m.text),
      close: async () => (await channel.stop(), await standIn.close()),
    };
  },
  async feishu(assistant) {
    const standIn = await startFeishuStandIn();
    const logger = memoryChannelLogger('feishu');
    const channel = createFeishuChannel({ appId: standIn.appId, appSecret: standIn.appSecret, domain: standIn.domain, assistant, logger });
    await channel.start();
    return {
      logger,
      say: async (user, text) => void standIn.say({ openId: user, text }),
      replies: (user) => standIn.sentTo(`oc_p2p_${user}`).map((m) => m.text),
      close: async () => (await channel.stop(), await standIn.close()),
    };
  },
};

/** 50 people at once on one platform. */
async function benchPlatform(platform: string, people: number, logsPerPerson: number): Promise<MessengerFigures> {
  const users = Array.from({ length: people }, (_, i) => `u${String(i).padStart(3, '0')}`);
  const id = platform === 'wecom-bot' ? 'wecom' : platform;
  const real = await openRealAssistant({ allow: users.map((u) => `${id}:${u}`).join(',') });
  const rig = await RIGS[platform](real.assistant);
  try {
    const perPerson = logsPerPerson + 1;
    const started = performance.now();
    const done = new Map<string, number>();
    const watching = (async () => {
      const deadline = Date.now() + 180_000;
      while (done.size < people && Date.now() < deadline) {
        for (const user of users) if (!done.has(user) && rig.replies(user).length >= perPerson) done.set(user, performance.now() - started);
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    // Each person's messages go in order; the people all at once.
    await Promise.all(users.map(async (user, i) => {
      for (let j = 0; j < logsPerPerson; j += 1) await rig.say(user, `今天到第${i + 1}街道第${j + 1}社区调研了养老服务`);
      await rig.say(user, '今天调研了几次');
    }));
    await watching;
    const wall = performance.now() - started;
    const replies = users.reduce((n, u) => n + rig.replies(u).length, 0);
    const stored = real.log.list();
    const countIn = (text: string) => Number(/(\d+)\s*次/.exec(text)?.[1] ?? NaN);
    const total = people * logsPerPerson;
    // A person's count sees their own entries (their turns run in order) and at most everyone's.
    const countsRight = users.every((u) => {
      const count = countIn(rig.replies(u).at(-1) ?? '');
      return count >= logsPerPerson && count <= total;
    });
    const lost = users.filter((u) => stored.filter((a) => a.by === `${id}:${u}`).length !== logsPerPerson).length;
    const apologies = users.reduce((n, u) => n + rig.replies(u).filter((t) => t.includes('抱歉')).length, 0);
    const channelErrors = rig.logger.lines.filter((l) => l.level === 'error').length;
    if (process.env.BENCH_DEBUG) console.error({ platform, apologies, assistantErrors: real.errors, channelErrors: rig.logger.lines.filter((l) => l.level !== 'info'), lost, countsRight });
    return {
      people,
      messages: people * perPerson,
      replies,
      wall_ms: round(wall),
      person_done_ms_p50: percentile([...done.values()], 50),
      person_done_ms_p95: percentile([...done.values()], 95),
      log_entries_expected: total,
      log_entries_stored: stored.length,
      errors: apologies + real.errors.length + channelErrors + lost + (countsRight ? 0 : 1) + (people - done.size),
    };
  } finally {
    await rig.close();
    await real.close();
  }
}

/** Every messenger, one after another. */
export async function benchMessengers(options: { people?: number; logsPerPerson?: number } = {}): Promise<Record<string, MessengerFigures>> {
  const figures: Record<string, MessengerFigures> = {};
  for (const platform of Object.keys(RIGS)) figures[platform] = await benchPlatform(platform, options.people ?? 50, options.logsPerPerson ?? 4);
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchMessengers()
    .then((result) => console.log(JSON.stringify(result)))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
