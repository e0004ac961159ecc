/**
 * A file a person sent, as the assistant sees it: downloaded only when the assistant decides
 * to (with the size limit), and any failure other than the person's own (too large) told as
 * "could not fetch it from <platform>", with the cause kept for the log.
 */
import type { IncomingFile } from '../../assistant/index.ts';
import { UserError, type ErrorCode } from '../../errors.ts';
import { downloadFailed } from './messages.ts';

/** An IncomingFile over a platform's download function. */
export function platformFile(
  name: string,
  where: { readonly platform: string; readonly code: ErrorCode },
  fetchTo: (toPath: string, maxBytes: number) => Promise<void>,
): IncomingFile {
  return {
    name,
    async download(toPath, maxBytes = Infinity) {
      try {
        await fetchTo(toPath, maxBytes);
      } catch (error) {
        if (error instanceof UserError) throw error;
        throw new UserError(where.code, downloadFailed(name, where.platform), { cause: error });
      }
    },
  };
}
