/**
 * Reply text → Slack mrkdwn, and Slack's encoded message text → plain text.
 * Slack asks for only `&`, `<` and `>` to be escaped; `**bold**` is the one markup a Reply carries.
 */

/** Render a Reply's plain text (with `**bold**`) as Slack mrkdwn. */
export function toMrkdwn(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return escaped.replace(/\*\*([^*\n]+?)\*\*/g, '*$1*');
}

/**
 * Read a message's text as the user typed it: drop the bot's own mention, show links and
 * channel references by their labels, and undo Slack's entity escaping.
 */
export function fromSlackText(text: string, botUserId?: string): string {
  let plain = text;
  if (botUserId) plain = plain.replace(new RegExp(`<@${botUserId}(\\|[^>]*)?>`, 'g'), ' ');
  plain = plain.replace(/<([^<>|]+)\|([^<>]+)>/g, (_whole, target: string, label: string) =>
    target.startsWith('#') ? `#${label}` : label,
  );
  plain = plain.replace(/<((?:https?|mailto):[^<>]+)>/g, '$1');
  plain = plain.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return plain.replace(/[ \t]+/g, ' ').trim();
}

/** Split mrkdwn into pieces Slack shows whole (a section block holds at most 3,000 characters). */
export function splitForSlack(text: string, limit = 3000): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    // Prefer a line break, then a sentence end, so a citation is not cut in half.
    let cut = rest.lastIndexOf('\n', limit);
    if (cut < limit / 2) cut = Math.max(rest.lastIndexOf('。', limit - 1) + 1, 0);
    if (cut < limit / 2) cut = limit;
    // Never cut through an escape such as `&amp;`.
    const amp = rest.lastIndexOf('&', cut);
    if (amp > cut - 5 && rest.indexOf(';', amp) >= cut) cut = amp;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^\n+/, '');
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}
