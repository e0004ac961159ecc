/**
 * A file a person sent the AI bot: WeCom gives a download URL and an AES key, no name. The
 * name and size come from the response headers, read before the turn so the assistant knows
 * what it is; the body is read only on `download`, stopped at the size limit, then decrypted.
 */
import { writeFile } from 'node:fs/promises';
import { decryptFile } from '@wecom/aibot-node-sdk';
import type { IncomingFile } from '../../assistant/index.ts';
import { UserError } from '../../errors.ts';
import { tooLargeToDownload } from '../../input/index.ts';
import { downloadFailed } from '../kit/index.ts';
import { PLATFORM } from './messages.ts';

/** Longest a file download may take. */
const DOWNLOAD_TIMEOUT_MS = 120_000;

function nameFrom(disposition: string | null, fallback: string): string {
  const encoded = /filename\*=UTF-8''([^;\s]+)/i.exec(disposition ?? '')?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="?([^";]+)"?/i.exec(disposition ?? '')?.[1] ?? fallback;
}

/** Open the download far enough to learn the file's name and size. */
export async function openBotFile(url: string, aesKey: string | undefined, fallbackName: string): Promise<IncomingFile> {
  const response = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  const name = nameFrom(response.headers.get('content-disposition'), fallbackName);
  const size = Number(response.headers.get('content-length') ?? NaN);
  let used = false;
  return {
    name,
    ...(Number.isFinite(size) ? { size } : {}),
    async download(toPath, maxBytes = Infinity) {
      // Encryption pads to 32 bytes: the plain file is at most that much smaller.
      if (size - 32 > maxBytes || used) {
        await response.body?.cancel().catch(() => undefined);
        if (used) throw new UserError('channel_file_download', downloadFailed(name, PLATFORM));
        throw tooLargeToDownload(name, maxBytes);
      }
      used = true;
      if (!response.ok || !response.body) throw new UserError('channel_file_download', downloadFailed(name, PLATFORM));
      const chunks: Buffer[] = [];
      let read = 0;
      for await (const chunk of response.body) {
        read += (chunk as Uint8Array).length;
        if (read > maxBytes + 32) {
          await response.body.cancel().catch(() => undefined);
          throw tooLargeToDownload(name, maxBytes);
        }
        chunks.push(Buffer.from(chunk as Uint8Array));
      }
      let plain: Buffer;
      try {
        plain = aesKey ? decryptFile(Buffer.concat(chunks), aesKey) : Buffer.concat(chunks);
      } catch (error) {
        throw new UserError('channel_file_download', downloadFailed(name, PLATFORM), { cause: error });
      }
      if (plain.length > maxBytes) throw tooLargeToDownload(name, maxBytes);
      await writeFile(toPath, plain);
    },
  };
}
