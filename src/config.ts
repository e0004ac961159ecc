/**
 * Settings from the environment (and `.env`), parsed once at start-up against a schema
 * (CONTRACTS.md, "Running the assistant"). A bad setting stops the start and names the variable.
 * Every variable is listed, with a comment, in `.env.example`. The core's variables are here;
 * each chat channel declares its own in its folder (`settings.ts`, carried by its registration)
 * and reads them into one typed value per mode, so no file here names a channel's variables.
 */
import { z } from 'zod';
import { ACCESS_FORMS, REGISTERED, optionalText, type ChannelSettingsByName, type RegisteredChannel } from './channels/index.ts';
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

/** A department and the people and chats in it (`LVZHI_SCOPES`). */
export interface Department {
  readonly name: string;
  /** `telegram:111`, `slack:U222`, `telegram-chat:-100…`: the forms of `LVZHI_ALLOW`. */
  readonly members: readonly string[];
}

/** `<platform>:<id>` or `<chat form>:<id>` of a registered chat channel. */
const MEMBER = new RegExp(`^(${ACCESS_FORMS.filter((form) => !form.local).flatMap((form) => [form.platform, ...(form.chat ? [form.chat] : [])]).join('|')}):\\S+$`);

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
  // PORT is shared: each channel that takes HTTP callbacks listens there (one of them at a time).
  PORT: optionalText.transform((v) => (v === undefined ? undefined : Number(v))).pipe(z.number().int().min(0).max(65535).optional()),
  /** Serve the office web console on this port (src/web); unset: no web console. */
  LVZHI_WEB_PORT: optionalText.transform((v) => (v === undefined ? undefined : Number(v))).pipe(z.number().int().min(0).max(65535).optional()),
  // Loopback unless the office says otherwise: the console shows the whole log.
  LVZHI_WEB_HOST: optionalText.transform((v) => v ?? '127.0.0.1'),
  /** The console's address as office PCs open it (behind a reverse proxy, or a wildcard host): what login links carry. */
  LVZHI_WEB_URL: optionalText.pipe(z.string()
    .regex(/^https?:\/\/[^/\s?#]+\/?$/, '应是网页的根地址，例如 https://lvzhi.example.gov.cn（不支持子路径）')
    .transform((v) => v.replace(/\/$/, '')).optional()),
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

/** The core's variables and every channel's (a channel's names are checked to be its own in test/channels). */
function schemaWith(channels: Readonly<Record<string, RegisteredChannel>>) {
  return schema.extend(Object.assign({}, ...Object.values(channels).map((channel) => channel.settings?.shape ?? {})) as z.ZodRawShape);
}

/** Every variable Lüzhi reads (each listed in `.env.example`). */
export const SETTING_NAMES: readonly string[] = Object.keys(schemaWith(REGISTERED).shape);

/** The core's variables as given (CONTRACTS.md names them). */
export type EnvSettings = z.output<typeof schema>;

/** Typed settings: the core's variables, and each configured channel's value under its name (`telegram`, `slack`…). */
export type Settings = EnvSettings & ChannelSettingsByName;

/**
 * Parse settings from an environment; throws a UserError naming the bad variable or the missing
 * one. `channels` is the registration list (src/channels/registered.ts); tests pass another.
 */
export function loadSettings(env: NodeJS.ProcessEnv = process.env, channels: Readonly<Record<string, RegisteredChannel>> = REGISTERED): Settings {
  const parsed = schemaWith(channels).safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0] ?? '');
    throw new UserError('bad_setting', `设置项 ${name} 的值不正确：${issue.message}`);
  }
  const values = parsed.data as Record<string, unknown>;
  const pick = (shape: z.ZodRawShape) => Object.fromEntries(Object.keys(shape).map((key) => [key, values[key]]));
  const core = pick(schema.shape) as EnvSettings;
  const own: Record<string, unknown> = {};
  for (const [name, channel] of Object.entries(channels)) {
    const value = channel.settings?.read(pick(channel.settings.shape), { PORT: core.PORT });
    if (value !== undefined) own[name] = value;
  }
  return { ...core, ...own };
}
