/** What the platform-neutral assistant receives and returns. Channels translate to and from these. */

/** Which channel a message came through (`terminal`, `telegram`, …): each channel names itself; the core knows none. */
export type Platform = string;

/** A file attached to a message, fetched lazily by the channel. */
export interface IncomingFile {
  readonly name: string;
  readonly size?: number;
  /**
   * Download the file to this local path. With `maxBytes`, refuse (UserError `file_too_large`)
   * a file the platform says is larger, and stop a download that grows past it.
   */
  download(toPath: string, maxBytes?: number): Promise<void>;
}

/** One message from a user, platform details stripped. */
export interface Incoming {
  readonly platform: Platform;
  /**
   * Platform user id (Telegram numeric id, Slack `U…`, the operating-system user in the
   * terminal). With the platform it is the person's stable id in the log: `telegram:<id>`.
   */
  readonly userId: string;
  /** Display name at the time, shown in lists (never used to decide whose entry it is). */
  readonly userName: string;
  /** Chat or channel id (Telegram chat id, Slack channel id). */
  readonly chatId: string;
  /**
   * Opaque conversation id carrying the platform: `telegram:<chat>:<thread>`,
   * `slack:<channel>:<thread_ts>`, `terminal:local`. Memory is kept per thread.
   */
  readonly threadId: string;
  /**
   * True when the chat is a one-to-one conversation with the bot (Telegram private chat, Slack
   * direct message): only there are private things, such as a web login link, sent.
   */
  readonly direct?: boolean;
  /** The text, with any bot mention removed. May start with a slash command. */
  readonly text: string;
  /**
   * When the person sent it (Telegram `message.date`, Slack `ts`, the terminal's arrival
   * time): "今天" means the office's day at this moment, even when it is processed later.
   */
  readonly sentAt?: Date;
  readonly files?: readonly IncomingFile[];
  /** Set by a channel when it can show progress (edits a status message, typing, …). */
  readonly progress?: (text: string) => Promise<void>;
}

/** A file in a reply: a PNG chart, a .docx draft, an export. */
export interface ReplyFile {
  readonly name: string;
  readonly data: Uint8Array;
  readonly kind: 'image' | 'document';
  readonly caption?: string;
  /** Where it was saved on this machine (the data folder's `exports/`), when it was. */
  readonly path?: string;
}

/** A short choice offered to the user (e.g. confirm a future date). */
export interface ReplyChoice {
  readonly label: string;
  /** The text sent back as if the user typed it. */
  readonly send: string;
}

/** A piece of a reply's text, marked so channels can render it (HTML, mrkdwn, plain). */
export interface Reply {
  /** Plain Chinese text; `**bold**` is the only markup channels must render. */
  readonly text: string;
  readonly files?: readonly ReplyFile[];
  readonly choices?: readonly ReplyChoice[];
  /** The answer text streams here first, when the channel passes a sink (issue 5). */
  readonly streamed?: boolean;
}

/** Where a channel shows a reply while it is being written (one message edited at a sensible rate). */
export interface ReplySink {
  /** The reply text so far; the channel decides how often to show it. */
  partial(textSoFar: string): Promise<void>;
}

/** The platform-neutral assistant every channel calls. */
export interface Assistant {
  handle(incoming: Incoming, sink?: ReplySink): Promise<Reply>;
}

/** A chat platform connection: turns platform events into `Incoming`, renders `Reply`. */
export interface Channel {
  readonly name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}
