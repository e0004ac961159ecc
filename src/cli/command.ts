import type { Parts } from '../services.ts';

/** What one terminal command is given and gives back (CONTRACTS.md, "Command-line contracts"). */
export interface CliContext {
  /** Words after the command name that are not options. */
  readonly positionals: string[];
  /** `--name value` options; flags declared boolean are `true` when present. */
  readonly options: Readonly<Record<string, string | true>>;
  /** `--json`: print exactly one JSON object (or one per line for `--batch`). */
  readonly json: boolean;
  /** The data folder (`--data`, else `LVZHI_DATA_DIR`, else `./data`). */
  readonly dataDir: string;
  /** Lüzhi's parts over that folder (services.ts), each opened when the command first asks. */
  readonly parts: Parts;
  /** All of standard input, as UTF-8. */
  readStdin(): Promise<string>;
  /** Write one line to standard output (the only way a command prints its result). */
  writeLine(line: string): void;
  /** Write one line of progress to standard error. */
  note(line: string): void;
  /** Call `stop` when the person presses Ctrl-C (a long command stops cleanly); returns the undo. */
  onInterrupt(stop: () => void): () => void;
}

/** A finished command's output: the JSON object and the Chinese text a person reads. */
export interface CommandResult {
  readonly json: unknown;
  readonly text: string;
}

/** One command of the terminal interface. */
export interface CliCommand {
  readonly name: string;
  /** One line of Chinese help. */
  readonly summary: string;
  /** More help for `<command> --help` (formats, examples), in Chinese. */
  readonly help?: string;
  /** Options that take no value (besides `--json`, which every command has). */
  readonly booleanFlags?: readonly string[];
  /**
   * Options that take a value. When declared, any other option is refused, so that a typo
   * (`--form` for `--from`) cannot silently widen a count; `--json`, `--data`, `--batch` are always known.
   */
  readonly valueOptions?: readonly string[];
  /** Returns a result to print, or nothing when it printed for itself (`--batch`). */
  run(ctx: CliContext): Promise<CommandResult | void>;
}

/** Read a string option, or undefined. */
export function stringOption(ctx: CliContext, name: string): string | undefined {
  const value = ctx.options[name];
  return typeof value === 'string' ? value : undefined;
}
