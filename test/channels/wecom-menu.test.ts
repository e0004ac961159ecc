/**
 * The WeCom app's menu comes from the command table, as Telegram's command menu does: at start
 * the channel sets it with `menu/create` (the stand-in holds it to WeCom's limits), every menu
 * command is there once under its Chinese label, the admins' apart; a tap on an item reaches
 * the assistant as that command, in the person's chat.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMAND_TABLE } from '../../src/commands.ts';
import type { MenuButton } from '../support/wecom-stand-in.ts';
import { waitFor } from '../support/wait-for.ts';
import { ScriptedAssistant } from './push-scripted-assistant.ts';
import { startWecomRig, type WecomRig } from './wecom-harness.ts';

describe('WeCom app menu', () => {
  let rig: WecomRig;
  let assistant: ScriptedAssistant;

  beforeEach(async () => {
    assistant = new ScriptedAssistant();
    rig = await startWecomRig(assistant);
  });
  afterEach(async () => {
    await rig.close();
  });

  const items = (menu: readonly MenuButton[]): MenuButton[] => menu.flatMap((button) => button.sub_button ?? [button]);

  it('is set at start from the command table: each menu command once, under its label, admins’ apart', () => {
    expect(rig.standIn.menus).toHaveLength(1);
    const menu = rig.standIn.menus[0];
    const inMenu = COMMAND_TABLE.filter((command) => command.menu);
    expect(items(menu).map((item) => item.name).sort()).toEqual(inMenu.map((command) => command.label).sort());
    const admin = menu.find((button) => button.sub_button?.some((item) => item.name === '删除'))!;
    expect(admin.sub_button!.map((item) => item.name).sort()).toEqual(inMenu.filter((command) => command.adminOnly).map((command) => command.label).sort());
    expect(new Set(items(menu).map((item) => item.key)).size).toBe(inMenu.length);
  });

  it('sends a tapped item’s command to the assistant, and ignores a key that is not a command', async () => {
    const menu = rig.standIn.menus[0];
    const help = items(menu).find((item) => item.name === '帮助')!;
    const undo = items(menu).find((item) => item.name === '撤回')!;
    await rig.standIn.deliver(rig.callbackUrl, { from: 'zhangsan', menu: 'V1001_SOMETHING_ELSE' });
    await rig.standIn.deliver(rig.callbackUrl, { from: 'zhangsan', menu: help.key! });
    await rig.standIn.deliver(rig.callbackUrl, { from: 'zhangsan', menu: undo.key! });
    await waitFor(() => assistant.received.length === 2, 'the two commands');
    await rig.channel.idle();
    expect(assistant.received.map((m) => [m.text, m.userId, m.chatId])).toEqual([['/help', 'zhangsan', 'zhangsan'], ['/undo', 'zhangsan', 'zhangsan']]);
  });
});
