/**
 * A Slack thread someone addressed the bot in keeps reaching it without a mention after the
 * bot restarts, because the channel keeps that memory in the data folder's conversation store.
 */
import { describe, expect, it } from 'vitest';
import { createSqliteConversationStore, openDatabase } from '../../src/storage/index.ts';
import { tempFolder } from '../support/temp-folders.ts';
import { startRig, userMessage } from './slack-harness.ts';
import { ScriptedAssistant } from './slack-scripted-assistant.ts';

describe('Slack threads across a restart', () => {
  it('a reply without a mention in a thread addressed before the restart is answered after it', async () => {
    const db = openDatabase(tempFolder('lvzhi-slack-restart-'));
    const assistant = new ScriptedAssistant();
    try {
      const before = await startRig('socket', assistant, { conversations: createSqliteConversationStore(db) });
      const said = userMessage(before.standIn, { user: 'UALICE01', text: '上半年视察了几次' });
      try {
        await before.slack.event(said);
        await before.standIn.waitFor(() => before.standIn.botMessages(said.channel, said.ts).length > 0);
      } finally {
        await before.close();
      }
      const after = await startRig('socket', assistant, { conversations: createSqliteConversationStore(db) });
      try {
        const followUp = userMessage(after.standIn, { user: 'UALICE01', text: '那下半年呢', plain: true, threadTs: said.ts, channel: said.channel });
        const stranger = userMessage(after.standIn, { user: 'UBOB0001', text: '我也看看', plain: true, threadTs: said.ts, channel: said.channel });
        await after.slack.event(stranger);
        await after.slack.event(followUp);
        await after.standIn.waitFor(() => after.standIn.botMessages(said.channel, said.ts).some((m) => m.text === '你说：那下半年呢'));
        expect(assistant.seen.map((i) => i.text)).toEqual(['上半年视察了几次', '那下半年呢']);
      } finally {
        await after.close();
      }
    } finally {
      assistant.cleanup();
      db.close();
    }
  });
});
