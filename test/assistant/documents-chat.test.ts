/**
 * Documents from chat with departments (LVZHI_SCOPES), through the real services (SQLite,
 * indexes, drafting) and a chat model stand-in on 127.0.0.1 that records every prompt: a
 * person sees `公共` and their own department's documents in answers, sources, drafts, /docs
 * and model prompts, never another department's; /remove asks first, is audited and the
 * passages never come back; a file sent under a stored one's name asks before replacing it.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../src/app.ts';
import type { Incoming, IncomingFile } from '../../src/assistant/types.ts';
import { loadSettings } from '../../src/config.ts';
import type { OpenKnowledgeBase } from '../../src/knowledge/index.ts';
import { quotingReply } from '../../scripts/model-stand-in.ts';
import { reply, startOpenAIStandIn, type OpenAIStandIn } from '../support/openai-stand-in.ts';

// Deputies' committee (代表工委) and finance committee (财经工委) each hold words no one else may read.
const DEPUTIES_SECRET = '代表工委内部培训安排由联络员王五负责对接';
const FINANCE_SECRET = '财经工委预算初审意见由联络员赵六负责汇总';
const DEPUTIES_SPEECH = '我们坚持把代表培训作为履职尽责的基础工程，绣花功夫抓细抓实';
const FINANCE_SPEECH = '我们坚持把代表培训与预算审查监督结合起来，久久为功抓紧抓好';

const PEOPLE = { deputies: '111', finance: '222', public: '333' } as const;
const message = (userId: string, text: string, files?: IncomingFile[]): Incoming => ({
  platform: 'telegram', userId, userName: `用户${userId}`, chatId: userId, threadId: `telegram:${userId}:0`, text, ...(files ? { files } : {}),
});
const localFile = (path: string, name: string): IncomingFile => ({ name, download: async (to) => copyFileSync(path, to) });

let root: string;
let service: OpenAIStandIn;
let services: Services;
const prompts = () => JSON.stringify(service.chatRequests().map((r) => r.body.messages));
const handle = (userId: string, text: string, files?: IncomingFile[]) => services.assistant.handle(message(userId, text, files));

function write(path: string, text: string): string {
  const full = join(root, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, text);
  return full;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'lvzhi-docs-chat-'));
  write('shelf/公共/议事规则.md', '# 某区人民代表大会常务委员会议事规则\n\n第三条 常务委员会会议一般每两个月举行一次。\n\n第七条 代表培训每年至少组织一次。\n');
  write('shelf/代表工委/培训安排.md', `# 代表培训内部安排\n\n${DEPUTIES_SECRET}，培训名单于每月五日前报送。\n`);
  write('shelf/财经工委/预算初审.md', `# 预算初审内部安排\n\n${FINANCE_SECRET}，初审材料于每月五日前报送。\n`);
  write('shelf/代表工委/发言.md', `# 代表工委在代表培训工作座谈会上的发言\n\n尊敬的各位主任、同志们：\n\n${DEPUTIES_SPEECH}。\n\n汇报完毕，不妥之处请批评指正，谢谢大家！\n`);
  write('shelf/财经工委/发言.md', `# 财经工委在代表培训工作座谈会上的发言\n\n尊敬的各位主任、同志们：\n\n${FINANCE_SPEECH}。\n\n汇报完毕，不妥之处请批评指正，谢谢大家！\n`);
  service = await startOpenAIStandIn();
  service.setChatDefault(reply((r) => quotingReply(r, 3)));
  services = await openServices({
    dataDir: join(root, 'data'),
    settings: loadSettings({
      OPENAI_BASE_URL: service.baseURL, OPENAI_API_KEY: 'sk-test', LVZHI_CHAT_MODEL: 'stand-in-chat',
      LVZHI_ALLOW: Object.values(PEOPLE).map((id) => `telegram:${id}`).join(','),
      LVZHI_ADMINS: `telegram:${PEOPLE.deputies},telegram:${PEOPLE.finance}`,
      LVZHI_SCOPES: `代表工委=telegram:${PEOPLE.deputies};财经工委=telegram:${PEOPLE.finance}`,
    }),
  });
  await services.knowledge.ingest([join(root, 'shelf')], { departments: ['代表工委', '财经工委'] });
}, 120_000);

afterAll(async () => {
  await services.close();
  await service.close();
  rmSync(root, { recursive: true, force: true });
});

describe('departments in chat', () => {
  it('answers a department member from their documents and 公共, never from another department, in reply or prompt', async () => {
    service.reset();
    const own = await handle(PEOPLE.deputies, '代表培训内部安排由谁负责对接？');
    expect(own.text).toContain('王五');
    const other = await handle(PEOPLE.deputies, '预算初审意见由谁负责汇总？');
    expect(other.text).not.toMatch(/赵六|财经工委/);
    const rules = await handle(PEOPLE.deputies, '常委会会议多久举行一次？');
    expect(rules.text).toContain('每两个月');
    expect(prompts()).toContain('王五');
    expect(prompts()).not.toMatch(/赵六|久久为功/);
  }, 120_000);

  it('shows someone in no department only 公共: answers, sources and prompts', async () => {
    service.reset();
    for (const question of ['代表培训内部安排由谁负责对接？', '预算初审意见由谁负责汇总？', '培训名单什么时候报送？']) {
      const answer = await handle(PEOPLE.public, question);
      expect(answer.text).not.toMatch(/王五|赵六|代表工委\/|财经工委\//);
    }
    expect(prompts()).not.toMatch(/王五|赵六|绣花功夫|久久为功/);
  }, 120_000);

  it("drafts from the person's own department's speeches as models of style, never another's", async () => {
    await services.activities.addAll([{ date: '2023-03-15', kind: 'training', title: '举办代表履职培训班' }], { by: '小王', channel: 'test' });
    await services.activities.addAll([{ date: '2023-05-10', kind: 'training', title: '组织新任代表集中培训' }], { by: '小王', channel: 'test' });
    service.reset();
    const drafted = await handle(PEOPLE.deputies, '/draft 起草2023年上半年代表培训工作座谈会发言');
    expect(drafted.text).not.toMatch(/久久为功|赵六/);
    expect(prompts()).toContain('绣花功夫');
    expect(prompts()).not.toMatch(/久久为功|赵六/);
  }, 180_000);

  it('/docs lists an admin’s departments and 公共 only, and is for admins', async () => {
    const listed = (await handle(PEOPLE.deputies, '/docs')).text;
    expect(listed).toContain('代表工委/培训安排.md');
    expect(listed).toContain('公共/议事规则.md');
    expect(listed).not.toContain('财经工委/');
    expect((await handle(PEOPLE.public, '/docs')).text).toBe('只有管理员可以查看、删除知识库文件或设置文件状态。');
  }, 60_000);
});

describe('/remove in chat', () => {
  it('asks first, removes on 确认删除, audits it, and the passages never come back', async () => {
    expect((await handle(PEOPLE.deputies, '/remove 财经工委/预算初审.md')).text).toContain('知识库里没有“财经工委/预算初审.md”');
    const question = await handle(PEOPLE.deputies, '/remove 代表工委/培训安排.md');
    expect(question.text).toContain('确定从知识库删除“代表工委/培训安排.md”');
    expect(question.choices?.map((c) => c.send)).toEqual(['确认删除', '取消']);
    expect((await handle(PEOPLE.deputies, '确认删除')).text).toContain('已从知识库删除“代表工委/培训安排.md”');
    service.reset();
    const after = await handle(PEOPLE.deputies, '代表培训内部安排由谁负责对接？');
    expect(after.text).not.toContain('王五');
    expect(prompts()).not.toContain('王五');
    const trail = (await (services.knowledge as OpenKnowledgeBase).catalog.auditTrail());
    expect(trail.at(-1)).toMatchObject({ action: 'remove', doc: '代表工委/培训安排.md', by: `telegram:${PEOPLE.deputies}`, channel: 'telegram' });
  }, 120_000);

  it('cancels on 取消 and keeps the document', async () => {
    await handle(PEOPLE.finance, '/remove 财经工委/预算初审.md');
    expect((await handle(PEOPLE.finance, '取消')).text).toContain('已取消');
    expect((await handle(PEOPLE.finance, '预算初审意见由谁负责汇总？')).text).toContain('赵六');
  }, 60_000);
});

describe('/status in chat', () => {
  it('lets an admin mark a version superseded and back, audited; others may not', async () => {
    expect((await handle(PEOPLE.public, '/status 公共/议事规则.md 已替代')).text).toBe('只有管理员可以查看、删除知识库文件或设置文件状态。');
    expect((await handle(PEOPLE.deputies, '/status 公共/议事规则.md 已替代')).text).toBe('已将“公共/议事规则.md”标为已替代。');
    expect((await handle(PEOPLE.deputies, '/docs')).text).toMatch(/公共\/议事规则\.md.*已替代/);
    expect((await handle(PEOPLE.deputies, '/status 公共/议事规则.md 现行')).text).toBe('已将“公共/议事规则.md”标为现行。');
    expect((await handle(PEOPLE.deputies, '/status 财经工委/发言.md 已替代')).text).toContain('知识库里没有');
    const trail = (await (services.knowledge as OpenKnowledgeBase).catalog.auditTrail()).filter((e) => e.action === 'status');
    expect(trail.map((e) => JSON.parse(e.detail).to)).toEqual(['superseded', 'in_force']);
  }, 60_000);

  it('refuses a malformed LVZHI_SCOPES at start-up, naming the variable', () => {
    expect(() => loadSettings({ LVZHI_SCOPES: '代表工委=小王' })).toThrow(/LVZHI_SCOPES/);
    expect(loadSettings({ LVZHI_SCOPES: '代表工委=telegram:1,slack:U2；财经工委=telegram-chat:-100' }).LVZHI_SCOPES)
      .toEqual([{ name: '代表工委', members: ['telegram:1', 'slack:U2'] }, { name: '财经工委', members: ['telegram-chat:-100'] }]);
  });
});

describe('a file sent in chat', () => {
  it("goes into the sender's department folder, and replacing a stored one is asked first", async () => {
    const first = write('uploads/a/通知.md', '# 通知\n\n代表小组活动于周五下午在联络站举行。\n');
    const second = write('uploads/b/通知.md', '# 通知\n\n代表小组活动改为周六上午在代表之家举行。\n');
    expect((await handle(PEOPLE.deputies, '', [localFile(first, '通知.md')])).text).toContain('已收录《通知》（仅代表工委可见）');
    expect((await services.knowledge.document('代表工委/通知.md'))?.scope).toBe('代表工委');

    const asked = await handle(PEOPLE.deputies, '', [localFile(second, '通知.md')]);
    expect(asked.text).toBe('已有同名文件《通知》（代表工委），要替换吗？');
    expect(asked.choices?.map((c) => c.send)).toEqual(['替换', '取消']);
    expect((await handle(PEOPLE.deputies, '取消')).text).toContain('没有替换');
    expect((await handle(PEOPLE.deputies, '代表小组活动在哪里举行？')).text).toContain('联络站');

    await handle(PEOPLE.deputies, '', [localFile(second, '通知.md')]);
    expect((await handle(PEOPLE.deputies, '替换')).text).toContain('已更新《通知》');
    const now = await handle(PEOPLE.deputies, '代表小组活动在哪里举行？');
    expect(now.text).toContain('代表之家');
    expect(now.text).not.toContain('联络站');
    // The finance committee sent a 通知.md of its own: another document, beside the first.
    expect((await handle(PEOPLE.finance, '', [localFile(first, '通知.md')])).text).toContain('已收录《通知》（仅财经工委可见）');
    expect((await services.knowledge.documents()).filter((d) => d.doc.endsWith('/通知.md')).map((d) => d.doc).sort())
      .toEqual(['代表工委/通知.md', '财经工委/通知.md']);
  }, 180_000);
});
