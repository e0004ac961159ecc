/**
 * Slack round-trip figures, through the real bolt app and the real assistant on a temporary
 * data folder: an offline `/ask` answered (30 times, one after another), and 50 people logging
 * at once. Run: `npx tsx test/channels/slack-bench.ts` (prints one JSON line per transport).
 * Times include the stand-in's 10 ms polling, so they are upper bounds.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRig, userMessage, type Transport } from './slack-harness.ts';
import { openRealAssistant } from './telegram-real-assistant.ts';

const RULES = '# 议事规则\n\n第八条 常务委员会会议一般每两个月举行一次；有特殊需要的时候，可以临时召集会议。\n\n第九条 常务委员会会议由主任召集并主持。\n';

for (const transport of ['http', 'socket'] as Transport[]) {
  const people = Array.from({ length: 50 }, (_, i) => `UPEER${String(i).padStart(4, '0')}`);
  const real = await openRealAssistant({ allow: people.map((id) => `slack:${id}`).join(',') });
  const folder = mkdtempSync(join(tmpdir(), 'lvzhi-slack-bench-'));
  writeFileSync(join(folder, '议事规则.md'), RULES);
  await real.knowledge.ingest([join(folder, '议事规则.md')]);
  const rig = await startRig(transport, real.assistant);

  const asks: number[] = [];
  for (let i = 0; i < 30; i += 1) {
    const said = userMessage(rig.standIn, { user: people[0], text: '/ask 常委会会议多久举行一次', dm: true });
    const started = performance.now();
    await rig.slack.event(said);
    await rig.standIn.waitFor(() => rig.standIn.botMessages(said.channel, said.ts).some((m) => m.text.includes('第八条')));
    asks.push(performance.now() - started);
  }
  asks.sort((a, b) => a - b);

  const logs = people.map((id, i) => userMessage(rig.standIn, { user: id, text: `今天到第${i + 1}社区调研了养老服务`, dm: true, channel: `D${id.slice(1)}` }));
  const started = performance.now();
  await Promise.all(logs.map((event) => rig.slack.event(event)));
  await rig.standIn.waitFor(() => logs.every((event) => rig.standIn.botMessages(event.channel, event.ts).some((m) => m.text.includes('已记录'))), 60_000);
  const wall = performance.now() - started;

  console.log(JSON.stringify({
    transport,
    ask_round_trip_ms_p50: Math.round(asks[Math.floor(asks.length / 2)]),
    ask_round_trip_ms_max: Math.round(asks[asks.length - 1]),
    concurrent_logs: logs.length,
    concurrent_logs_ms: Math.round(wall),
    stored: real.log.list().length,
    errors: real.errors.length + rig.failures.length,
  }));
  await rig.close();
  await real.close();
  rmSync(folder, { recursive: true, force: true });
}
