/**
 * Who is looking at a page: the person of the session, with their rights worked out afresh on
 * every request from the access lists and departments, so removing someone from LVZHI_ALLOW
 * closes their web session too.
 */
import type { Access, Departments } from '../assistant/index.ts';
import type { LoginGrant } from './login-links.ts';

/** The person behind a request, as every page sees them (`c.get('viewer')`). */
export interface Viewer {
  /** `telegram:777`: the id the log records as `by`. */
  readonly personId: string;
  readonly isAdmin: boolean;
  /** The document scopes they see (`公共` and their departments); undefined: all (the office machine's own user). */
  readonly scopes: readonly string[] | undefined;
  /** The token every form must send back. */
  readonly csrfToken: string;
}

/** A person id's parts in the shape the access rules read; undefined when it is not `platform:id`. */
export function senderOf(personId: string, chatId?: string): { platform: string; userId: string; chatId: string } | undefined {
  const match = /^([a-z][a-z0-9-]*):(\S+)$/.exec(personId);
  return match ? { platform: match[1], userId: match[2], chatId: chatId ?? '' } : undefined;
}

/** The viewer for a session's grant, or undefined when that person is no longer allowed. */
export function viewerOf(grant: LoginGrant, csrfToken: string, access: Access, departments: Departments): Viewer | undefined {
  const sender = senderOf(grant.personId, grant.chatId);
  if (!sender || !access.isAllowed(sender)) return undefined;
  return { personId: grant.personId, isAdmin: access.isAdmin(sender), scopes: departments.visibility(sender).scopes, csrfToken };
}
