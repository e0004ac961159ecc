/** A download that stops at a size limit: counted as the bytes arrive, so nothing larger ever lands on disk. */
import { Transform } from 'node:stream';
import { UserError } from '../errors.ts';
import { inputMessages } from './messages.ts';

/** A pass-through stream that fails (UserError `file_too_large`, naming the file) once more than `maxBytes` have passed. */
export function byteLimit(maxBytes: number, name: string): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > maxBytes) done(new UserError('file_too_large', inputMessages.downloadTooLarge(name, maxBytes)));
      else done(null, chunk);
    },
  });
}

/** The same refusal, for a size the platform states before the download starts. */
export function tooLargeToDownload(name: string, maxBytes: number): UserError {
  return new UserError('file_too_large', inputMessages.downloadTooLarge(name, maxBytes));
}
