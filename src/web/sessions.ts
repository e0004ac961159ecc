/**
 * Web sessions in the shared conversation store (SQLite data folder or PostgreSQL), so a
 * restart or a second web process keeps people logged in. The cookie holds a random id; the
 * store holds only its hash. A session lapses after 8 hours without a request.
 */
import type { ConversationStore } from '../storage/index.ts';
import { newSecret, secretKey, type LoginGrant } from './login-links.ts';

/** A session ends after this long without a request. */
export const SESSION_IDLE_MS = 8 * 60 * 60_000;

/** The session cookie's name. */
export const SESSION_COOKIE = 'lvzhi_session';

// Each request pushes the expiry on, but writing it more often than this gains nothing.
const TOUCH_EVERY_MS = 60_000;

/** A live session as the store keeps it. */
export interface Session extends LoginGrant {
  /** The token every form of this session carries. */
  readonly csrfToken: string;
  readonly lastSeen: number;
}

/** Open a session for a redeemed link; returns the cookie value and the session. */
export async function openSession(store: ConversationStore, grant: LoginGrant, now: number): Promise<{ cookie: string; session: Session }> {
  const cookie = newSecret();
  const session: Session = { ...grant, csrfToken: newSecret(), lastSeen: now };
  await store.set('web-session', secretKey(cookie), session, now + SESSION_IDLE_MS);
  return { cookie, session };
}

/** The live session behind a cookie (its idle time pushed on), or undefined when there is none or it lapsed. */
export async function resumeSession(store: ConversationStore, cookie: string | undefined, now: number): Promise<Session | undefined> {
  if (!cookie) return undefined;
  const key = secretKey(cookie);
  const session = (await store.get('web-session', key)) as Session | undefined;
  if (typeof session?.personId !== 'string' || typeof session.csrfToken !== 'string' || typeof session.lastSeen !== 'number') return undefined;
  // Checked here too: the store's own clock is the wall clock, the web console's may be a test's.
  if (now - session.lastSeen >= SESSION_IDLE_MS) {
    await store.delete('web-session', key);
    return undefined;
  }
  if (now - session.lastSeen < TOUCH_EVERY_MS) return session;
  const touched = { ...session, lastSeen: now };
  await store.set('web-session', key, touched, now + SESSION_IDLE_MS);
  return touched;
}

/** End a session (logout). */
export async function endSession(store: ConversationStore, cookie: string): Promise<void> {
  await store.delete('web-session', secretKey(cookie));
}
