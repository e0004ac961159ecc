/** Reading a parsed form: what a page needs of a field is its text, trimmed; anything else (a file, nothing) is ''. */

/** The trimmed text of one form field, or '' when it is missing or not text. */
export function formText(body: Readonly<Record<string, unknown>>, name: string): string {
  const value = body[name];
  return typeof value === 'string' ? value.trim() : '';
}
