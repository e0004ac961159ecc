/**
 * The knowledge base's documents from chat, for admins: /docs lists what they may see,
 * /remove asks before taking one out (audited), /status marks a version in force or
 * superseded (audited), and a sent file that would replace a stored one waits for "替换".
 * An admin sees and touches only `公共` and their own departments' documents.
 */
import { UserError } from '../errors.ts';
import { type DocumentChange, type KnowledgeBase, STATUS_WORDS, catalogMessages } from '../knowledge/index.ts';
import type { Access } from './access.ts';
import type { Departments } from './departments.ts';
import { type PendingUpload, discardImport, ingestUpload } from './files.ts';
import { personOf } from './log-flows.ts';
import { confirmationWords, messages as m } from './messages.ts';
import type { Incoming, Reply } from './types.ts';

/** A question about documents waiting for the admin's answer. */
export type DocumentPending =
  | { kind: 'remove-document'; doc: string }
  | { kind: 'replace'; uploads: readonly PendingUpload[] };

/** What the document flows are built from. */
export interface DocumentFlowOptions {
  readonly knowledge: KnowledgeBase;
  readonly access: Access;
  readonly departments: Departments;
  /** Remember a question to ask before acting (per thread and person). */
  setPending(incoming: Incoming, pending: DocumentPending): Promise<void> | void;
}

function changeOf(incoming: Incoming): DocumentChange {
  return { by: personOf(incoming), byName: incoming.userName || incoming.userId, channel: incoming.platform };
}

/** Build the document flows. */
export function createDocumentFlows(options: DocumentFlowOptions) {
  const { knowledge, access, departments } = options;

  async function list(incoming: Incoming): Promise<Reply> {
    if (!access.isAdmin(incoming)) return { text: m.adminOnlyDocuments };
    const documents = await knowledge.documents(departments.visibility(incoming));
    return { text: catalogMessages.documentList(documents) };
  }

  async function remove(args: string, incoming: Incoming): Promise<Reply> {
    if (!access.isAdmin(incoming)) return { text: m.adminOnlyDocuments };
    const doc = args.trim();
    if (!doc) return { text: m.removeUsage };
    // Another department's document is as unknown to this admin as one never stored.
    const found = await knowledge.document(doc, departments.visibility(incoming));
    if (!found) return { text: catalogMessages.unknownDocument(doc) };
    options.setPending(incoming, { kind: 'remove-document', doc });
    return {
      text: m.removeQuestion(found.doc, found.title, found.passages),
      choices: [{ label: m.deleteChoice, send: m.deleteWord }, { label: m.cancelChoice, send: m.cancelWord }],
    };
  }

  async function status(args: string, incoming: Incoming): Promise<Reply> {
    if (!access.isAdmin(incoming)) return { text: m.adminOnlyDocuments };
    const [doc, word, replacedBy] = args.trim().split(/\s+/);
    const wanted = word === undefined ? undefined : STATUS_WORDS[word];
    if (!doc || !wanted) return { text: m.statusUsage };
    const visibility = departments.visibility(incoming);
    for (const named of [doc, replacedBy]) {
      if (named !== undefined && !(await knowledge.document(named, visibility))) return { text: catalogMessages.unknownDocument(named) };
    }
    try {
      const set = await knowledge.setStatus(doc, wanted, { supersededBy: replacedBy, change: changeOf(incoming) });
      return { text: catalogMessages.statusSet(set.doc, set.status) };
    } catch (error) {
      if (error instanceof UserError) return { text: error.userMessage };
      throw error;
    }
  }

  /** The answer to a pending question; undefined when the admin moved on. */
  async function answer(pending: DocumentPending, text: string, incoming: Incoming): Promise<Reply | undefined> {
    if (pending.kind === 'replace') {
      try {
        if (confirmationWords.replaceYes.test(text) && access.isAdmin(incoming)) {
          const lines: string[] = [];
          for (const upload of pending.uploads) lines.push(...await ingestUpload(knowledge, upload, incoming));
          return { text: lines.join('\n') };
        }
        return confirmationWords.no.test(text) ? { text: m.replaceCancelled } : undefined;
      } finally {
        for (const upload of pending.uploads) discardImport(upload);
      }
    }
    if (confirmationWords.deleteYes.test(text) && access.isAdmin(incoming)) {
      const removed = await knowledge.remove(pending.doc, changeOf(incoming));
      return { text: removed ? catalogMessages.removed(removed.doc, removed.passages) : catalogMessages.unknownDocument(pending.doc) };
    }
    return confirmationWords.no.test(text) ? { text: m.cancelled } : undefined;
  }

  return { list, remove, status, answer };
}

/** The document flows an assistant runs (/docs, /remove, /status and their confirmations). */
export type DocumentFlows = ReturnType<typeof createDocumentFlows>;
