import { UserError } from '../errors.ts';
import { cliMessages } from './messages.ts';

/** The words of a command line split into positionals and `--options`. */
export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | true>;
}

/**
 * Split argv into positionals and options. `--name value` and `--name=value` take a
 * value unless `name` is a boolean flag; a bare `--` ends option parsing.
 */
export function parseArgs(argv: readonly string[], booleanFlags: ReadonlySet<string>): ParsedArgs {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (word === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!word.startsWith('--') || word.length === 2) {
      positionals.push(word);
      continue;
    }
    const body = word.slice(2);
    const eq = body.indexOf('=');
    if (eq >= 0) {
      options[body.slice(0, eq)] = body.slice(eq + 1);
    } else if (booleanFlags.has(body)) {
      options[body] = true;
    } else if (i + 1 < argv.length) {
      options[body] = argv[++i];
    } else {
      throw new UserError('missing_option_value', cliMessages.missingOptionValue(body));
    }
  }
  return { positionals, options };
}
