import { saveNewFile, type Reply } from '../../assistant/index.ts';
import { terminalMessages as t } from './messages.ts';

/**
 * Render a reply as plain terminal text; attached files are named where the assistant kept
 * them (the data folder's exports/), or saved into `filesDir` when it did not.
 * Blank lines inside a reply are closed up: on the terminal (and in a pipe) one blank line
 * is what separates one reply from the next.
 */
export function renderForTerminal(reply: Reply, filesDir: string): string {
  const lines = [reply.text.replace(/\*\*(.+?)\*\*/g, '$1').replace(/\n\s*\n+/g, '\n').trim()];
  for (const file of reply.files ?? []) {
    // A chart or a draft cannot be shown in a terminal; keep it where the user can open it.
    const path = file.path ?? saveNewFile(filesDir, file.name, file.data);
    lines.push(t.fileSaved(file.caption ?? file.name, path));
  }
  if (reply.choices?.length) {
    const last = reply.choices.length - 1;
    // y answers the first choice and n the last (cancel); a number answers any.
    const keyOf = (i: number) => (i === 0 ? `y/${i + 1}` : i === last ? `n/${i + 1}` : String(i + 1));
    lines.push(t.choices(reply.choices.map((c, i) => t.choiceItem(`${keyOf(i)}`, c.label)).join(t.choiceJoiner)));
  }
  return lines.join('\n');
}
