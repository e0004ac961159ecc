/**
 * The assistant's conversation state, kept in a `ConversationStore`: the topic a follow-up
 * leans on, the question waiting for an answer (a date still to come, a delete, an import) and
 * what was just logged. With the data folder's store all of it survives a restart; a sweep
 * clears what expired and deletes the tables that expired imports held.
 */
import { createMemoryConversationStore, type ConversationStore } from '../storage/index.ts';
import type { DocumentPending } from './document-flows.ts';
import { discardImport, isPendingImport, isPendingUpload, type PendingImport } from './files.ts';
import type { TurnContext } from './follow-up.ts';
import type { LastLogged, LogPending } from './log-flows.ts';
import { ConversationMemory, hasKind, type StateLog } from './memory.ts';

/** A question waiting for the person's answer. */
export type Pending = LogPending | DocumentPending | { kind: 'import'; file: PendingImport };

/** How long conversation state lives and how often the expired is swept. */
export interface ConversationLimits {
  readonly ttlMs?: number;
  readonly sweepMs?: number;
}

/** What one assistant remembers between turns. */
export interface Conversation {
  readonly contexts: ConversationMemory<TurnContext>;
  /** Questions waiting per thread and person; a replaced import's table is deleted. */
  readonly pendings: Pick<ConversationMemory<Pending>, 'get' | 'set' | 'delete'>;
  readonly lastLogged: ConversationMemory<LastLogged>;
  /** Stop sweeping; a store that does not outlive the process lets its held imports go now. */
  close(): void;
}

const DEFAULT_TTL_MS = 30 * 60_000;
/** How often expired confirmations (and the files they hold) are swept away in an idle bot. */
const DEFAULT_SWEEP_MS = 60_000;

function isTurnContext(value: unknown): value is TurnContext {
  return hasKind(value, 'query', 'ask', 'draft');
}

function isPending(value: unknown): value is Pending {
  if (!hasKind(value, 'log', 'lasting', 'delete', 'import', 'remove-document', 'replace')) return false;
  if (value.kind === 'lasting') {
    const ends = (value as { ends?: { first?: { date?: unknown }; last?: { date?: unknown } } }).ends;
    return typeof ends?.first?.date === 'string' && typeof ends.last?.date === 'string';
  }
  if (value.kind === 'import') return isPendingImport((value as { file?: unknown }).file);
  if (value.kind === 'remove-document') return typeof (value as { doc?: unknown }).doc === 'string';
  if (value.kind === 'replace') {
    const uploads = (value as { uploads?: unknown }).uploads;
    return Array.isArray(uploads) && uploads.every((upload) => isPendingUpload(upload));
  }
  return true;
}

/** The downloaded copies a pending question holds (an import's table, replacements' documents). */
function heldFiles(pending: Pending): PendingImport[] {
  if (pending.kind === 'import') return [pending.file];
  if (pending.kind === 'replace') return [...pending.uploads];
  return [];
}

function isLastLogged(value: unknown): value is LastLogged {
  const last = value as Partial<LastLogged> | null;
  return typeof last === 'object' && last !== null && typeof last.by === 'string' && Array.isArray(last.ids);
}

/** Open the assistant's memory over a store (process memory when none is given). */
export function openConversation(
  store: ConversationStore = createMemoryConversationStore(), limits: ConversationLimits = {}, log: StateLog,
): Conversation {
  const ttl = limits.ttlMs ?? DEFAULT_TTL_MS;
  const held = new Set<string>();
  const pendings = new ConversationMemory<Pending>(store, 'pending', ttl, isPending, log);
  const trackedPendings = {
    get: (key: string) => pendings.get(key),
    delete: (key: string) => pendings.delete(key),
    async set(key: string, value: Pending) {
      // Imports offered by this process, so a store that forgets at exit can delete their tables then.
      const keep = new Set(heldFiles(value).map((file) => file.folder));
      for (const folder of keep) held.add(folder);
      try {
        const previous = await pendings.get(key);
        for (const file of previous ? heldFiles(previous) : []) if (!keep.has(file.folder)) discardImport(file);
        await pendings.set(key, value);
      } catch (error) {
        // A question not remembered can never be answered: its files would wait for nothing.
        for (const file of heldFiles(value)) discardImport(file);
        for (const folder of keep) held.delete(folder);
        throw error;
      }
    },
  };
  const sweep = async () => {
    for (const expired of await store.sweep()) {
      const pending = expired.value;
      if (expired.scope === 'pending' && isPending(pending)) for (const file of heldFiles(pending)) discardImport(file);
    }
  };
  const sweeper = setInterval(() => void sweep().catch((error: unknown) => log({ code: 'conversation_sweep_failed', scope: 'pending', key: '', message: String(error) })),
    limits.sweepMs ?? DEFAULT_SWEEP_MS);
  sweeper.unref(); // never keeps the process alive
  return {
    // A follow-up topic or a correction target not saved costs a follow-up, never the answer itself.
    contexts: new ConversationMemory<TurnContext>(store, 'turn-context', ttl, isTurnContext, log, true),
    pendings: trackedPendings,
    lastLogged: new ConversationMemory<LastLogged>(store, 'last-logged', ttl, isLastLogged, log, true),
    close() {
      clearInterval(sweeper);
      if (store.durable) return;
      for (const folder of held) discardImport({ name: '', path: '', folder });
      held.clear();
    },
  };
}
