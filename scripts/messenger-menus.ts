/**
 * `npm run messenger-menus`: writes the command menu for the messengers whose bot menu is set in
 * the developer console (DingTalk, Feishu) into README.md, from the command table (src/commands.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withConsoleMenu } from '../src/channels/kit/index.ts';

const target = fileURLToPath(new URL('../README.md', import.meta.url));
writeFileSync(target, withConsoleMenu(readFileSync(target, 'utf8')));
process.stdout.write(`wrote the console menu into ${target}\n`);
