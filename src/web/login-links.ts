/**
 * One-time login links (CONTRACTS.md `web-link`, chat `/web`): a random token in the link, only
 * its hash in the shared conversation store, so the process that makes the link (the command
 * line, a bot) and the one that serves the page (the web console) may differ. Taking the token
 * out of the store is one atomic step: a link opens one session, however many tabs race for it.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { ConversationStore } from '../storage/index.ts';

/** How long a login link stays usable. */
export const LOGIN_LINK_TTL_MS = 10 * 60_000;

/** A link as the person receives it. */
export interface LoginLink {
  readonly url: string;
  /** ISO time after which the link no longer opens a session. */
  readonly expiresAt: string;
}

/** Whom a link logs in: the person's id (`telegram:777`) and the chat they asked from, when there was one. */
export interface LoginGrant {
  readonly personId: string;
  readonly chatId?: string;
}

interface StoredGrant extends LoginGrant {
  readonly expiresAt: number;
}

/** The store key of a secret: its SHA-256, so a copy of the database opens nothing. */
export function secretKey(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A fresh URL-safe secret of 256 bits. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The address people open: `LVZHI_WEB_URL` when set (a reverse proxy, or the intranet name of a
 * console listening on every interface), else the listening host and port (a wildcard host is
 * reached on this machine's loopback).
 */
export function webBaseUrl(settings: WebAddress, port = settings.LVZHI_WEB_PORT): string {
  if (settings.LVZHI_WEB_URL) return settings.LVZHI_WEB_URL;
  const host = isWildcardHost(settings.LVZHI_WEB_HOST) ? '127.0.0.1' : settings.LVZHI_WEB_HOST;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** Whether the console listens on every interface (so its own address says nothing to office PCs). */
export function isWildcardHost(host: string): boolean {
  return ['0.0.0.0', '::', ''].includes(host);
}

/** The settings that say where the console is reached. */
export interface WebAddress {
  readonly LVZHI_WEB_HOST: string;
  readonly LVZHI_WEB_PORT?: number;
  readonly LVZHI_WEB_URL?: string;
}

/** Make a link for a person (the caller has checked they are allowed). */
export async function createLoginLink(store: ConversationStore, grant: LoginGrant, baseUrl: string, now: () => number = Date.now): Promise<LoginLink> {
  const token = newSecret();
  const expiresAt = now() + LOGIN_LINK_TTL_MS;
  const stored: StoredGrant = { ...grant, expiresAt };
  await store.set('web-login', secretKey(token), stored, expiresAt);
  return { url: `${baseUrl}/login?token=${token}`, expiresAt: new Date(expiresAt).toISOString() };
}

function liveGrant(value: unknown, now: number): LoginGrant | undefined {
  const grant = value as Partial<StoredGrant> | undefined;
  if (typeof grant?.personId !== 'string' || typeof grant.expiresAt !== 'number' || grant.expiresAt <= now) return undefined;
  return grant.chatId === undefined ? { personId: grant.personId } : { personId: grant.personId, chatId: grant.chatId };
}

/** Whether a link would still open a session (it is not used up). */
export async function peekLoginLink(store: ConversationStore, token: string, now: () => number = Date.now): Promise<LoginGrant | undefined> {
  return token ? liveGrant(await store.get('web-login', secretKey(token)), now()) : undefined;
}

/** Use a link up: its grant the first time, undefined ever after (or once it has expired). */
export async function redeemLoginLink(store: ConversationStore, token: string, now: () => number = Date.now): Promise<LoginGrant | undefined> {
  return token ? liveGrant(await store.take('web-login', secretKey(token)), now()) : undefined;
}
