/**
 * Which departments a person belongs to (CONTRACTS.md `LVZHI_SCOPES`): they see `公共` and
 * their departments' documents, in answers, sources, drafts and document lists. The terminal
 * is the office machine itself and sees everything, as the command line does.
 */
import { PUBLIC_SCOPE, type Visibility } from '../knowledge/index.ts';
import type { Access } from './access.ts';
import type { Incoming } from './types.ts';

/** A department as the settings name it: its people and chats (`telegram:111`, `telegram-chat:-100…`). */
export interface DepartmentSetting {
  readonly name: string;
  readonly members: readonly string[];
}

/** Departments of the senders of messages. */
export interface Departments {
  /** What this sender may see. */
  visibility(incoming: Pick<Incoming, 'platform' | 'userId' | 'chatId'>): Visibility;
  /**
   * The department a file sent here goes into: the chat's own, else the sender's (the first
   * listed when they are in several), else `公共`. A department is named in the reply.
   */
  uploadScope(incoming: Pick<Incoming, 'platform' | 'userId' | 'chatId'>): string;
}

/** Departments from the parsed `LVZHI_SCOPES` setting (none: everyone sees `公共` only); access names the senders. */
export function createDepartments(settings: readonly DepartmentSetting[], access: Pick<Access, 'entries' | 'isLocal'>): Departments {
  const of = (entry: string) => settings.filter((d) => d.members.includes(entry)).map((d) => d.name);
  return {
    visibility(incoming) {
      if (access.isLocal(incoming)) return {};
      const mine = new Set(access.entries(incoming).flatMap(of));
      return { scopes: [PUBLIC_SCOPE, ...mine] };
    },
    uploadScope(incoming) {
      if (access.isLocal(incoming)) return PUBLIC_SCOPE;
      const [sender, chat] = access.entries(incoming);
      return (chat === undefined ? undefined : of(chat)[0]) ?? of(sender)[0] ?? PUBLIC_SCOPE;
    },
  };
}
