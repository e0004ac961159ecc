/**
 * Every channel, one line each: the name it is exported under is the key of its settings
 * (`loadSettings().telegram`). Adding a channel is its folder plus its line here.
 */
export { registration as terminal } from './terminal/registration.ts';
export { registration as telegram } from './telegram/registration.ts';
export { registration as slack } from './slack/registration.ts';
export { registration as wecom } from './wecom/registration.ts';
export { registration as dingtalk } from './dingtalk/registration.ts';
export { registration as feishu } from './feishu/registration.ts';
