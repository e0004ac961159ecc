/**
 * Who may get a login link, and the link: shared by the chat command `/web` and the command
 * line's `web-link`, so both refuse the same people in the same words.
 */
import type { Access } from '../assistant/index.ts';
import type { ConversationStore } from '../storage/index.ts';
import { UserError } from '../errors.ts';
import { createLoginLink, webBaseUrl, type LoginGrant, type LoginLink, type WebAddress } from './login-links.ts';
import { webMessages as m } from './messages.ts';
import { senderOf } from './viewer.ts';

/** Makes login links for allowed people. */
export interface LinkIssuer {
  /** A link for this person; UserError `web_off`, `web_bad_person` or `web_not_allowed` otherwise. */
  issue(grant: LoginGrant): Promise<LoginLink>;
}

/** What an issuer needs: the web settings, the shared store, the access rules. */
export interface LinkIssuerOptions {
  readonly settings: WebAddress;
  readonly store: ConversationStore;
  readonly access: Access;
  readonly now?: () => number;
}

/** An issuer over the settings; it refuses every link while the web console is off. */
export function createLinkIssuer(options: LinkIssuerOptions): LinkIssuer {
  return {
    async issue(grant) {
      if (options.settings.LVZHI_WEB_PORT === undefined) throw new UserError('web_off', m.webOff);
      const sender = senderOf(grant.personId, grant.chatId);
      if (!sender) throw new UserError('web_bad_person', m.badPersonId(grant.personId));
      if (!options.access.isAllowed(sender)) throw new UserError('web_not_allowed', m.notAllowedPerson(grant.personId));
      return createLoginLink(options.store, grant, webBaseUrl(options.settings), options.now);
    },
  };
}
