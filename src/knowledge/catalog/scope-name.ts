/** A department name as typed (`ingest --scope`, the web page's scope box). */
import { UserError } from '../../errors.ts';
import { catalogMessages } from './messages.ts';

/** The department name trimmed; a blank one, or one with spaces, slashes or separators, is a Chinese UserError. */
export function readScopeName(value: string): string {
  const scope = value.trim();
  if (!scope || /[\s/\\,，;；=]/.test(scope)) throw new UserError('bad_scope', catalogMessages.badScope(value));
  return scope;
}
