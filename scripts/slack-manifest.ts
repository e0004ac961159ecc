/**
 * `npm run slack-manifest`: writes src/channels/slack/app-manifest.json from the command table
 * (src/commands.ts), so the Slack app's `/lvzhi` description lists the commands the assistant knows.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { slackManifestText } from '../src/channels/slack/manifest.ts';

const target = fileURLToPath(new URL('../src/channels/slack/app-manifest.json', import.meta.url));
writeFileSync(target, slackManifestText());
process.stdout.write(`wrote ${target}\n`);
