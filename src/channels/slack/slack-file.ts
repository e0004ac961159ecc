/**
 * A file shared with the bot, fetched only when the assistant decides to ingest it:
 * `files.info` for the current private URL, then a download with the bot token as Bearer.
 */
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { webApi } from '@slack/bolt';
import type { IncomingFile } from '../../assistant/index.ts';
import { UserError } from '../../errors.ts';
import { byteLimit, tooLargeToDownload } from '../../input/index.ts';
import { downloadFailed } from './messages.ts';

/** Longest a file download may take, headers to last byte. */
const DOWNLOAD_TIMEOUT_MS = 120_000;

/** The fields of a Slack file object the channel reads. */
export interface SlackFileRef {
  readonly id: string;
  readonly name?: string;
  readonly title?: string;
  readonly size?: number;
}

/** Turn a file of a message event into an IncomingFile that downloads on demand. */
export function toIncomingFile(file: SlackFileRef, client: webApi.WebClient, botToken: string): IncomingFile {
  const name = file.name ?? file.title ?? file.id;
  return {
    name,
    ...(typeof file.size === 'number' ? { size: file.size } : {}),
    async download(toPath: string, maxBytes = Infinity): Promise<void> {
      try {
        // Slack states the size twice (in the event and in files.info): refuse before fetching.
        if ((file.size ?? 0) > maxBytes) throw tooLargeToDownload(name, maxBytes);
        const info = await client.files.info({ file: file.id });
        if ((info.file?.size ?? 0) > maxBytes) throw tooLargeToDownload(name, maxBytes);
        const url = info.file?.url_private_download ?? info.file?.url_private;
        if (!url) throw new Error(`files.info gave no url_private for ${file.id}`);
        // A stalled download must not hold the turn (and the thread's queue) forever.
        const response = await fetch(url, { headers: { Authorization: `Bearer ${botToken}` }, signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
        // Without the files:read scope Slack answers 200 with its HTML sign-in page.
        const type = response.headers.get('content-type') ?? '';
        if (!response.ok || !response.body || type.startsWith('text/html')) {
          throw new Error(`download of ${file.id} failed: HTTP ${response.status} ${type}`);
        }
        await pipeline(Readable.fromWeb(response.body as WebReadableStream), byteLimit(maxBytes, name), createWriteStream(toPath));
      } catch (error) {
        if (error instanceof UserError) throw error;
        throw new UserError('slack_file_download', downloadFailed(name), { cause: error });
      }
    },
  };
}
