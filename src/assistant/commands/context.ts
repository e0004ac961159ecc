/** What a command's handler is given: its words, the message, and the assistant's parts. */
import type { KnowledgeBase } from '../../knowledge/index.ts';
import type { Extreme, MessageReader } from '../../reader/index.ts';
import type { IsoDate } from '../../time/index.ts';
import type { Access } from '../access.ts';
import type { Departments } from '../departments.ts';
import type { DocumentFlows } from '../document-flows.ts';
import type { LogFlows } from '../log-flows.ts';
import type { DraftingPort, WebLinkPort } from '../ports.ts';
import type { Incoming, IncomingFile, Reply, ReplySink } from '../types.ts';

/**
 * Kinds and a period to count or list; `about`, a subject the entries' titles must hold (学校);
 * `latest`, only the most recent entry up to today (最近一次视察是什么时候); `by`, only one person's entries (我, 小王);
 * `whether`, asked yes or no (4月开党组会没): the reply says 开过/没有记录 first; `done`, asked of what was done (开过).
 */
export type Query = { kinds: string[]; from: IsoDate | null; to: IsoDate | null; about?: string; latest?: boolean; by?: string; whether?: boolean; done?: boolean };

/** A count query with what it is asked for: drawn (`chart`), as a share of all (`share`), the month or kind with most or fewest (`extreme`), places inside the entries (`units`). */
/** A count, and what else is asked of it; `versus`: another period to compare it with (和5月份比呢 after a count). */
export type CountQuery = Query & { chart?: boolean; share?: boolean; extreme?: Extreme; versus?: { from: IsoDate; to: IsoDate }; units?: string };

/** The assistant's parts a command may use (built once per assistant). */
export interface AssistantTools {
  readonly reader: MessageReader;
  readonly access: Access;
  readonly knowledge: KnowledgeBase;
  readonly drafting?: DraftingPort;
  /** Web console login links; absent while the console is off. */
  readonly webLinks?: WebLinkPort;
  readonly logFlows: LogFlows;
  readonly documentFlows: DocumentFlows;
  readonly departments: Departments;
  ask(question: string, retrieval: string, incoming: Incoming, sink?: ReplySink): Promise<Reply>;
  /** A draft of what `request` asks for, remembered in the thread (for 改成发言稿 after it). */
  draft(request: string, incoming: Incoming, today: IsoDate): Promise<Reply>;
  /** A count as asked in `text` (compared, broken down per period or month, or one count). */
  answerCount(query: CountQuery, text: string, incoming: Incoming, today: IsoDate): Promise<Reply>;
  list(query: Query, incoming: Incoming): Promise<Reply>;
  /** Kinds and a period read from a command's words, or undefined when they are not a query. */
  readQuery(words: string, today: IsoDate, command?: string): Promise<CountQuery | { question: string } | undefined>;
  /** Files handled as if sent in chat (ingested, or a table offered for import). */
  receive(files: readonly IncomingFile[], incoming: Incoming): Promise<Reply>;
}

/** One command call. */
export interface CommandContext {
  /** The words after the command. */
  readonly args: string;
  readonly incoming: Incoming;
  /** The office's day the message was sent. */
  readonly today: IsoDate;
  readonly sink?: ReplySink;
  readonly tools: AssistantTools;
}

/** What runs a command. */
export type CommandHandler = (context: CommandContext) => Promise<Reply> | Reply;
