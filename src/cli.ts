/**
 * `npm run cli -- <command>`: the terminal commands (src/cli/run.ts) on this process's
 * standard streams and environment.
 */
import { runCli } from './cli/run.ts';

// Libraries sometimes print; stdout belongs to the JSON contract, so send them to stderr.
const stdoutWrite = process.stdout.write.bind(process.stdout);
console.log = console.info = console.warn = console.debug = (...parts: unknown[]) =>
  console.error(...parts);

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

process.exitCode = await runCli(process.argv.slice(2), {
  writeLine: (line) => stdoutWrite(line + '\n'),
  writeError: (line) => process.stderr.write(line + '\n'),
  readStdin,
  env: process.env,
  // Only while a command listens: otherwise Ctrl-C ends the process as usual.
  onInterrupt(stop) {
    process.once('SIGINT', stop);
    return () => process.off('SIGINT', stop);
  },
});
