/**
 * Settings from the environment (and `.env`), parsed once at start-up against a schema
 * (CONTRACTS.md, "Running the assistant"). A bad setting stops the start and names the variable.
 * Every variable is listed, with a comment, in `.env.example`. Telegram and Slack each run in
 * one of two modes; their variables are read here into one typed value per platform, so no
 * other file decides a mode from which variables happen to be set.
 */
import { z } from 'zod';
import { appMessages } from './app-messages.ts';
import { UserError } from './errors.ts';

/**
 * True when Node knows the IANA zone. Checked here rather than imported from the activities
 * folder: every command reads its settings, and loading that folder costs seconds of start-up.
 */
function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const optionalText = z.string().trim().optional().transform((v) => (v ? v : undefined));

/** A department and the people and chats in it (`LVZHI_SCOPES`). */
export interface Department {
  readonly name: string;
  /** `telegram:111`, `slack:U222`, `telegram-chat:-100…`: the forms of `LVZHI_ALLOW`. */
  readonly members: readonly string[];
}

const MEMBER = /^(telegram|slack|wecom|dingtalk|feishu|telegram-chat|slack-channel|wecom-chat|dingtalk-chat|feishu-chat):\S+$/;

/** `代表工委=telegram:111,slack:U222;财经工委=…` → departments; a malformed part stops the start. */
const departments = optionalText.transform((text, ctx): Department[] => {
  const found: Department[] = [];
  for (const part of (text ?? '').split(/[;；]/).map((p) => p.trim()).filter(Boolean)) {
    const [name, list = ''] = part.split(/[=＝]/, 2).map((p) => p.trim());
    const members = list.split(/[,，\s]+/).filter(Boolean);
    const bad = members.find((m) => !MEMBER.test(m));
    if (!name || /[\s/\\,，=]/.test(name) || name === '公共' || bad !== undefined || !part.includes('=')) {
      ctx.addIssue({ code: 'custom', message: `“${part}”应写成 部门名=telegram:用户ID,slack:用户ID（多个部门用分号隔开）` });
      return z.NEVER;
    }
    found.push({ name, members });
  }
  return found;
});

const schema = z.object({
  LVZHI_DATA_DIR: optionalText.transform((v) => v ?? './data'),
  /** `postgres://…`: the activity log and conversation state in PostgreSQL, shared by every process. */
  LVZHI_DATABASE_URL: optionalText.pipe(z.string().regex(/^postgres(ql)?:\/\//, '应以 postgres:// 开头，例如 postgres://用户:密码@主机:5432/数据库').optional()),
  TELEGRAM_BOT_TOKEN: optionalText,
  TELEGRAM_API_ROOT: optionalText,
  TELEGRAM_WEBHOOK_URL: optionalText.pipe(z.url().optional()),
  TELEGRAM_WEBHOOK_SECRET: optionalText.pipe(z.string().regex(/^[A-Za-z0-9_-]{1,256}$/).optional()),
  PORT: optionalText.transform((v) => (v === undefined ? undefined : Number(v))).pipe(z.number().int().min(0).max(65535).optional()),
  SLACK_BOT_TOKEN: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_API_URL: optionalText.pipe(z.url().optional()),
  // WeCom self-built app (callback on PORT) and/or AI bot (long connection); DingTalk and Feishu robots.
  WECOM_CORP_ID: optionalText,
  WECOM_AGENT_ID: optionalText.pipe(z.string().regex(/^\d+$/, '应为应用的 AgentId（数字）').optional()),
  WECOM_SECRET: optionalText,
  WECOM_TOKEN: optionalText,
  WECOM_AES_KEY: optionalText.pipe(z.string().regex(/^[A-Za-z0-9+/]{43}$/, '应为 43 位 EncodingAESKey').optional()),
  WECOM_API_BASE: optionalText.pipe(z.url().optional()),
  WECOM_BOT_ID: optionalText,
  WECOM_BOT_SECRET: optionalText,
  WECOM_BOT_WS_URL: optionalText.pipe(z.url().optional()),
  DINGTALK_CLIENT_ID: optionalText,
  DINGTALK_CLIENT_SECRET: optionalText,
  DINGTALK_API_BASE: optionalText.pipe(z.url().optional()),
  DINGTALK_OAPI_BASE: optionalText.pipe(z.url().optional()),
  FEISHU_APP_ID: optionalText,
  FEISHU_APP_SECRET: optionalText,
  FEISHU_DOMAIN: optionalText.pipe(z.union([z.enum(['feishu', 'lark']), z.url()]).optional()),
  LVZHI_ALLOW: optionalText,
  LVZHI_ADMINS: optionalText,
  LVZHI_SCOPES: departments,
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: optionalText.pipe(z.url().optional()),
  LVZHI_CHAT_MODEL: optionalText,
  LVZHI_EMBEDDING_MODEL: optionalText,
  LVZHI_RERANK_MODEL: optionalText,
  /** How a Word draft sets off its lead-ins (一是……): bold 仿宋 (default) or 黑体. */
  LVZHI_DRAFT_LEAD_IN: optionalText.pipe(z.enum(['bold', 'heiti']).optional()),
  // The office's calendar day is taken in this zone, whatever zone the server runs in.
  LVZHI_TIME_ZONE: optionalText
    .transform((v) => v ?? 'Asia/Shanghai') // the default of activities' DEFAULT_TIME_ZONE, CONTRACTS.md
    .pipe(z.string().refine(isTimeZone, '不是有效的 IANA 时区名，例如 Asia/Shanghai')),
});

/** Every variable Lüzhi reads (each listed in `.env.example`). */
export const SETTING_NAMES: readonly string[] = Object.keys(schema.shape);

/** The variables as given (CONTRACTS.md names them); the platform folders read their own. */
export type EnvSettings = z.output<typeof schema>;

/** Telegram: long polling (the default), or a webhook when TELEGRAM_WEBHOOK_URL is set. */
export type TelegramSettings =
  | { readonly mode: 'polling'; readonly token: string; readonly apiRoot?: string }
  | {
    readonly mode: 'webhook'; readonly token: string; readonly apiRoot?: string;
    readonly url: string;
    /** TELEGRAM_WEBHOOK_SECRET; absent means Lüzhi picks one when it registers the webhook. */
    readonly secret?: string;
    /** PORT, 8443 when unset. */
    readonly port: number;
  };

/** Slack: Socket Mode when SLACK_APP_TOKEN is set, else HTTP events signed with SLACK_SIGNING_SECRET. */
export type SlackSettings =
  | { readonly mode: 'socket'; readonly botToken: string; readonly appToken: string; readonly apiUrl?: string }
  | { readonly mode: 'http'; readonly botToken: string; readonly signingSecret: string; readonly port?: number; readonly apiUrl?: string };

/** Typed settings: the variables, and Telegram's and Slack's mode when they are configured. */
export type Settings = EnvSettings & {
  readonly telegram?: TelegramSettings;
  readonly slack?: SlackSettings;
};

function telegramOf(env: EnvSettings): TelegramSettings | undefined {
  const token = env.TELEGRAM_BOT_TOKEN;
  if (!token) return undefined;
  if (!env.TELEGRAM_WEBHOOK_URL) return { mode: 'polling', token, apiRoot: env.TELEGRAM_API_ROOT };
  return {
    mode: 'webhook', token, apiRoot: env.TELEGRAM_API_ROOT,
    url: env.TELEGRAM_WEBHOOK_URL, secret: env.TELEGRAM_WEBHOOK_SECRET, port: env.PORT ?? 8443,
  };
}

function slackOf(env: EnvSettings): SlackSettings | undefined {
  const { SLACK_BOT_TOKEN: botToken, SLACK_APP_TOKEN: appToken, SLACK_SIGNING_SECRET: signingSecret, SLACK_API_URL: apiUrl } = env;
  if (!botToken) {
    if (appToken || signingSecret) throw new UserError('bad_setting', appMessages.slackNeedsToken);
    return undefined;
  }
  if (appToken) return { mode: 'socket', botToken, appToken, apiUrl };
  if (signingSecret) return { mode: 'http', botToken, signingSecret, port: env.PORT, apiUrl };
  throw new UserError('bad_setting', appMessages.slackNeedsMode);
}

/** Parse settings from an environment; throws a UserError naming the bad variable or the missing one. */
export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0] ?? '');
    throw new UserError('bad_setting', `设置项 ${name} 的值不正确：${issue.message}`);
  }
  return { ...parsed.data, telegram: telegramOf(parsed.data), slack: slackOf(parsed.data) };
}
