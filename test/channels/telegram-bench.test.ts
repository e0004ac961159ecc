/** The Telegram benchmark stays runnable: a small run answers everything and loses nothing. */
import { describe, expect, it } from 'vitest';
import { benchTelegram } from '../../scripts/bench-telegram.ts';

describe('telegram benchmark', () => {
  it('answers every chat at once with no error and no lost log entry (small run)', async () => {
    const result = await benchTelegram({ asks: 3, chats: 6, logsPerChat: 2 });
    expect(result.ask_round_trips).toBe(3);
    expect(result.concurrent_replies).toBe(result.concurrent_messages);
    expect(result.log_entries_stored).toBe(12);
    expect(result.final_count_shown).toBe(12);
    expect(result.errors).toBe(0);
  });
});
