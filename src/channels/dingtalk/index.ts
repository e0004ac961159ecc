/**
 * The DingTalk (钉钉 / 专有钉钉 / 浙政钉) robot channel in Stream mode: text and files in
 * one-to-one and group chats, answers through the session webhook or the robot API.
 */
export { createDingtalkChannel, type DingtalkChannel, type DingtalkChannelOptions } from './dingtalk-channel.ts';
export { startDingtalk } from './start.ts';
export { dingtalkSettings, type DingtalkSettings } from './settings.ts';
