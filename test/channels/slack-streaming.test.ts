/**
 * Streaming to Slack (issue 5): the real assistant and knowledge base, with an answerer that
 * writes its answer piece by piece (as a model does), behind the real bolt app. The answer
 * grows in one message, edited only when it changed and not faster than the channel's rate,
 * and the final edit adds the sources. The same assistant, wired with the real chart renderer
 * as main.ts wires it, sends its chart through files.uploadV2.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTaxonomy, RuleReader } from '../../src/reader/index.ts';
import { openActivityLog, renderChart, type ActivityLog } from '../../src/log/index.ts';
import { activityLogPort, createAccess, createAssistant, type AssistantCore } from '../../src/assistant/index.ts';
import { openSqliteKnowledgeBase, toSource, type Answerer, type OpenKnowledgeBase } from '../../src/knowledge/index.ts';
import { startRig, userMessage, type SlackRig } from './slack-harness.ts';
import { ACCESS_FORMS } from '../../src/channels/index.ts';

/**
 * Writes "根据[1]，<first passage>" a few characters at a time, like a streaming model. At a third
 * and at two thirds of the answer it waits until Slack shows what it has written so far (an
 * event, not a clock), so the answer is seen growing however slowly a loaded machine runs; the
 * pieces in between arrive faster than the edit rate and are left to the throttle.
 */
function piecewiseAnswerer(shown: (text: string) => Promise<unknown>): Answerer {
  return {
    async answer(_question, passages, options) {
      const first = passages[0]?.passage.text ?? '';
      const text = `根据[1]，${first}`;
      const chars = [...text];
      const marks = new Set([Math.floor(chars.length / 3 / 4) * 4, Math.floor((2 * chars.length) / 3 / 4) * 4]);
      for (let end = 4; end < chars.length + 4; end += 4) {
        const partial = chars.slice(0, end).join('');
        options?.onPartial?.(partial);
        if (marks.has(end)) await shown(partial);
        else await new Promise((resolve) => setTimeout(resolve, 15));
      }
      return { answer: text, found: true, mode: 'llm', sources: passages.map(toSource) };
    },
  };
}

/** The texts Slack showed for the bot: posted, then edited. */
const shownTexts = (rig: SlackRig): string[] =>
  [...rig.standIn.callsOf('chat.postMessage'), ...rig.standIn.callsOf('chat.update')].map((c) => c.args.text as string);

describe('Slack streams a written answer into one message, and uploads charts', () => {
  let dataDir: string;
  let knowledge: OpenKnowledgeBase;
  let log: ActivityLog;
  let assistant: AssistantCore;
  let rig: SlackRig;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'lvzhi-slack-stream-'));
    const taxonomy = loadTaxonomy();
    log = openActivityLog({ dataDir, taxonomy });
    knowledge = await openSqliteKnowledgeBase({ dataDir, answerer: piecewiseAnswerer((text) => rig.standIn.waitFor(() => shownTexts(rig).includes(text))) });
    const rules = join(dataDir, '议事规则.md');
    writeFileSync(rules, '# 议事规则\n\n第八条 常务委员会会议一般每两个月举行一次；有特殊需要的时候，可以临时召集会议。\n\n第九条 常务委员会会议由主任召集并主持。\n');
    await knowledge.ingest([rules]);
    assistant = createAssistant({
      knowledge,
      activities: activityLogPort(log, (stats) => renderChart(stats, { by: 'kind' })),
      reader: new RuleReader(taxonomy),
      taxonomy,
      access: createAccess({ LVZHI_ALLOW: 'slack:UBOB0001' }, ACCESS_FORMS),
      log: () => undefined,
    });
    rig = await startRig('socket', assistant, { streamIntervalMs: 60 });
  });
  afterAll(async () => {
    await rig?.close();
    await assistant?.drain();
    knowledge?.close();
    log?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('edits one message as the answer grows, then shows it with its sources', async () => {
    const said = userMessage(rig.standIn, { user: 'UBOB0001', text: '/ask 常委会会议多久举行一次' });
    await rig.slack.event(said);
    const final = await rig.standIn.waitFor(() => rig.standIn.botMessages(said.channel, said.ts).find((m) => m.text.includes('议事规则.md')));
    expect(rig.standIn.botMessages(said.channel, said.ts)).toEqual([final]);
    expect(final.text).toContain('根据[1]，第八条 常务委员会会议一般每两个月举行一次');

    const shown = [
      rig.standIn.callsOf('chat.postMessage').find((c) => c.args.thread_ts === said.ts)?.args.text as string,
      ...rig.standIn.callsOf('chat.update').filter((c) => c.args.ts === final.ts).map((c) => c.args.text as string),
    ];
    // It grew in view: partial texts first, each a longer prefix of the answer, then the sourced answer.
    expect(shown.length).toBeGreaterThanOrEqual(3);
    const partials = shown.slice(0, -1);
    for (const [i, text] of partials.entries()) {
      expect(final.text.startsWith(text)).toBe(true);
      if (i > 0) expect(text.length).toBeGreaterThan(partials[i - 1].length);
    }
    // The rate itself (at most one edit per interval) is checked on a fake clock in slack-units.test.ts.
  });

  it('sends the chart of a /lvzhi stats as a PNG beside the answer', async () => {
    for (const text of ['今天组织代表视察了安全生产工作', '今天到社区调研了养老服务']) {
      const logged = userMessage(rig.standIn, { user: 'UBOB0001', text, dm: true });
      await rig.slack.event(logged);
      await rig.standIn.waitFor(() => rig.standIn.botMessages(logged.channel, logged.ts).some((m) => m.text.includes('已记录')));
    }
    await rig.slack.command({ user_id: 'UBOB0001', channel_id: 'C0000042', text: 'stats 今年' });
    const withChart = await rig.standIn.waitFor(() => rig.standIn.botMessages('C0000042').find((m) => m.files.length > 0));
    const png = withChart.files[0].data;
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(withChart.files[0].name).toMatch(/\.png$/);
    const answer = rig.standIn.botMessages('C0000042').find((m) => m.text.includes('视察'));
    expect(answer?.text).toMatch(/视察：1\s*次/);
    expect(rig.standIn.callsOf('files.getUploadURLExternal')).toHaveLength(1);
    expect(rig.standIn.callsOf('files.completeUploadExternal')).toHaveLength(1);
  });
});
