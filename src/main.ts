/**
 * `npm start`: settings → stores → assistant → channels. Every channel whose settings are
 * present starts (several at once), the terminal when none is. SIGTERM/SIGINT stop cleanly:
 * channels stop taking messages, the turns under way finish, then the database closes.
 */
import { config as loadDotenv } from 'dotenv';
import { createChannels, openServices, ingestSamplesIfEmpty, type Services } from './app.ts';
import { REGISTERED } from './channels/index.ts';
import { isWildcardHost, startWebServer, webMessages, type WebServer } from './web/index.ts';
import { appMessages as m } from './app-messages.ts';
import { removeOwnUploads, type Channel } from './assistant/index.ts';
import { loadSettings } from './config.ts';
import { UserError, errorReference } from './errors.ts';
import { describeServer, storageFailure, storageMessages } from './storage/index.ts';
import { resolve } from 'node:path';

// Standard output carries replies only (it may be piped): library chatter goes to stderr.
console.log = console.info = console.debug = (...parts: unknown[]) => console.error(...parts);

const notes = process.stderr;
let services: Services | undefined;
let channels: Channel[] = [];
let web: WebServer | undefined;
let ingesting: Promise<unknown> | undefined;
let stopping: Promise<void> | undefined;
let signalled = false;

/** Stop once: channels first (no new turns), then the turns under way, then the stores. */
function stop(exitCode: number): Promise<void> {
  stopping ??= (async () => {
    await Promise.allSettled([...channels.map((c) => c.stop()), web?.close()]);
    // A first-run ingest is left to finish: closing the database under it would fail it.
    await ingesting?.catch(() => undefined);
    await services?.close();
    // Files sent in chat are office data: none of this process's downloads outlives it.
    removeOwnUploads();
    if (signalled) notes.write(m.stopped + '\n');
    // Chat connections and an open stdin would keep the process alive; everything is closed now.
    process.exit(exitCode);
  })();
  return stopping;
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    signalled = true;
    notes.write(m.stopping + '\n');
    void stop(0);
  });
}

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const settings = loadSettings();
  services = await openServices({ dataDir: resolve(settings.LVZHI_DATA_DIR), settings });
  if (settings.LVZHI_DATABASE_URL) notes.write(storageMessages.sharedDatabase(describeServer(settings.LVZHI_DATABASE_URL), services.dataDir) + '\n');
  ingesting = ingestSamplesIfEmpty(services.knowledge, notes);
  await ingesting;
  ingesting = undefined;
  if (stopping) return;
  if (settings.LVZHI_WEB_PORT !== undefined) {
    web = await startWebServer({ services });
    const publicUrl = settings.LVZHI_WEB_URL;
    notes.write((publicUrl ? webMessages.listeningBehind(web.url, publicUrl) : webMessages.listening(web.url)) + '\n');
    if (!publicUrl && isWildcardHost(settings.LVZHI_WEB_HOST)) notes.write(webMessages.wildcardWithoutUrl + '\n');
  }
  // With the web console on and no chat settings, the console alone is served (no terminal on stdin).
  const started = await createChannels(settings, services.assistant, {}, services.conversations, REGISTERED, web === undefined);
  channels = started.channels;
  for (const channel of channels) await channel.start();
  if (!started.terminal && channels.length > 0) notes.write(m.started(channels.map((c) => c.name).join('、')) + '\n');
  // The terminal ends with its input (`echo … | npm start`); chat channels run until a signal.
  if (started.terminal) await started.terminal.finished.then(() => stop(0));
}

// A bad setting or an unreachable configured service is the user's to fix (exit 1, in Chinese);
// anything else is ours (exit 2, with a code and the stack in the log).
main().catch(async (thrown: unknown) => {
  if (thrown instanceof UserError) {
    notes.write(m.startFailed(thrown.userMessage) + '\n');
    await stop(1);
    return;
  }
  const ref = errorReference();
  notes.write(JSON.stringify({ level: 'error', ref, message: String(thrown), stack: thrown instanceof Error ? thrown.stack : undefined }) + '\n');
  // A full disk or a damaged database at start-up is named, not just numbered.
  const explained = storageFailure(thrown);
  notes.write((explained ? m.startFailed(explained.userMessage) : m.internalStartFailure(ref)) + '\n');
  await stop(2);
});
