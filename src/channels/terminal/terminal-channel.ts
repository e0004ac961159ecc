/**
 * The terminal channel: one message per line on standard input, the reply on standard
 * output. Works piped (`echo "…" | npm start`) and finishes at end of input.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { guardAssistant, type Assistant, type Channel, type Incoming, type ReplyChoice } from '../../assistant/index.ts';
import { createMemoryConversationStore, type ConversationStore } from '../../storage/index.ts';
import { terminalMessages as t } from './messages.ts';
import { renderForTerminal } from './render.ts';

/** What the terminal channel needs. */
export interface TerminalChannelOptions {
  readonly assistant: Assistant;
  readonly input?: Readable;
  readonly output?: Writable;
  /** Where notes for a person go (the greeting); stderr by default, so piped stdout stays replies only. */
  readonly notes?: Writable;
  /** Where attached files (charts, drafts) are saved; a temporary folder by default. */
  readonly filesDir?: string;
  /** The person at the terminal: their operating-system user (id `terminal:<user>`) by default. */
  readonly userName?: string;
  /** The clock that stamps each line as it arrives (tests fix it). */
  readonly clock?: () => Date;
  /** Where the choices of the last reply are kept, so "y" or "1" still answers them after a restart. */
  readonly conversations?: ConversationStore;
}

/** How long the numbered choices of a reply keep answering (as long as the question they answer). */
const CHOICES_TTL_MS = 30 * 60_000;

/** The terminal channel; `finished` resolves once input has ended and the last reply is written. */
export interface TerminalChannel extends Channel {
  readonly finished: Promise<void>;
}

function localUserName(): string {
  try {
    return userInfo().username || t.localUser;
  } catch {
    return t.localUser;
  }
}

/** Create the terminal channel over the given streams (stdin/stdout by default). */
export function createTerminalChannel(options: TerminalChannelOptions): TerminalChannel {
  const assistant = guardAssistant(options.assistant);
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const notes = options.notes ?? process.stderr;
  const filesDir = options.filesDir ?? join(tmpdir(), 'lvzhi-files');
  const userName = options.userName ?? localUserName();
  let lines: Interface | undefined;
  let resolveFinished!: () => void;
  const finished = new Promise<void>((r) => (resolveFinished = r));
  let stopping = false;
  let started = false;
  const conversations = options.conversations ?? createMemoryConversationStore();

  async function turn(line: string, sentAt: Date): Promise<void> {
    const offered = await conversations.get('terminal-choices', userName);
    if (offered !== undefined) await conversations.delete('terminal-choices', userName);
    const valid = Array.isArray(offered) ? offered.filter((c): c is ReplyChoice => typeof (c as ReplyChoice | null)?.send === 'string') : [];
    const text = answerToChoice(line, valid);
    const incoming: Incoming = {
      platform: 'terminal',
      userId: userName,
      userName,
      sentAt,
      chatId: 'local',
      threadId: 'terminal:local',
      text,
      progress: async (note) => {
        notes.write(note + '\n');
      },
    };
    const reply = await assistant.handle(incoming);
    if (reply.choices?.length) await conversations.set('terminal-choices', userName, reply.choices, Date.now() + CHOICES_TTL_MS);
    mkdirSync(filesDir, { recursive: true });
    output.write(renderForTerminal(reply, filesDir) + '\n\n');
  }

  /** y / n / a number answer the choices of the last reply (the terminal has no buttons). */
  function answerToChoice(line: string, offered: readonly ReplyChoice[]): string {
    if (offered.length === 0) return line;
    const key = line.trim().toLowerCase();
    if (key === 'y' || key === 'yes') return offered[0].send;
    if (key === 'n' || key === 'no') return offered[offered.length - 1].send;
    const n = /^[1-9]$/.test(key) ? Number(key) : 0;
    return n >= 1 && n <= offered.length ? offered[n - 1].send : line;
  }

  async function serve(): Promise<void> {
    lines = createInterface({ input, crlfDelay: Infinity, terminal: false });
    if ((input as { isTTY?: boolean }).isTTY) notes.write(t.ready + '\n');
    // One turn at a time, in order: a conversation is sequential, and memory depends on it.
    for await (const line of lines) {
      if (stopping) break;
      // The time a line arrives is its timestamp: "今天" is the office's day at that moment.
      const sentAt = (options.clock ?? (() => new Date()))();
      const text = line.trim();
      if (text) await turn(text, sentAt);
    }
  }

  return {
    name: 'terminal',
    finished,
    async start() {
      started = true;
      serve().then(resolveFinished, (error) => {
        notes.write(String(error) + '\n');
        resolveFinished();
      });
    },
    async stop() {
      stopping = true;
      lines?.close();
      if (!started) resolveFinished();
      // The turn in progress finishes and is written before we report stopped.
      await finished;
    },
  };
}
