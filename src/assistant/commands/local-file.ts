/** `/ingest 路径` and `/import 路径` (admins, at the terminal): a file on this machine taken as if sent. */
import { readPathCommand } from '../local-paths.ts';
import { messages as m } from '../messages.ts';
import type { CommandHandler } from './context.ts';

/** The handler of a command that names a local file or folder. */
function localFile(command: 'ingest' | 'import'): CommandHandler {
  return async ({ args, incoming, tools }) => {
    if (!tools.access.isAdmin(incoming)) return { text: m.adminOnlyIngest };
    const outcome = await readPathCommand(command, args, incoming, tools.knowledge, tools.access.isLocal(incoming));
    return 'files' in outcome ? tools.receive(outcome.files, incoming) : outcome;
  };
}

/** `/ingest 路径`: documents into the knowledge base. */
export const ingest = localFile('ingest');

/** `/import 路径`: a table of activities, offered for import. */
export const importTable = localFile('import');
