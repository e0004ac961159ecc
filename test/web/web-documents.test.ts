/**
 * The 文档 page over HTTP, on real services and a real SQLite data folder: people see only
 * `公共` and their departments' documents (in the list, on a document's own URL, in a search
 * inside it); admins upload (a broken or unsupported file gets a Chinese reason and stores
 * nothing), change a document's department and status and remove it, each audited under their
 * id; every form refuses a request without the session's CSRF token and changes nothing.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebRig, type WebRig, type WebSession } from '../support/web.ts';
import { mountSmallFilesystem } from '../support/small-filesystem.ts';
import { tempFolder } from '../support/temp-folders.ts';

const RULES = '# 议事规则\n\n第一条 常务委员会会议一般每两个月举行一次。\n\n第二条 常务委员会会议由主任召集并主持。\n\n第三条 代表建议应当自交办之日起三个月内答复。\n';
const INTERNAL = '# 内部安排\n\n座谈会由李四负责记录，记录稿报办公室主任审阅。\n';

describe('web console: 文档 over HTTP', () => {
  let rig: WebRig;
  let admin: WebSession;
  let clerk: WebSession;
  beforeAll(async () => {
    rig = await startWebRig({ env: { LVZHI_ALLOW: 'telegram:2', LVZHI_ADMINS: 'telegram:1', LVZHI_SCOPES: '代表工委=telegram:1' } });
    const folder = tempFolder('lvzhi-web-docs-');
    writeFileSync(join(folder, '议事规则.md'), RULES);
    writeFileSync(join(folder, '内部安排.md'), INTERNAL);
    await rig.services.knowledge.ingest([join(folder, '议事规则.md')], { doc: '公共/议事规则.md', scope: '公共' });
    await rig.services.knowledge.ingest([join(folder, '内部安排.md')], { doc: '代表工委/内部安排.md', scope: '代表工委' });
    admin = await rig.login('telegram:1');
    clerk = await rig.login('telegram:2');
  });
  afterAll(async () => rig?.close());

  const text = async (response: Response) => ({ status: response.status, body: await response.text() });
  const view = (doc: string, extra = '') => `/documents/view?doc=${encodeURIComponent(doc)}${extra}`;

  it('lists what each person may see, and refuses another department\'s document on its own URL in Chinese', async () => {
    const forAdmin = await text(await admin.fetch('/documents'));
    expect(forAdmin.body).toContain('议事规则');
    expect(forAdmin.body).toContain('代表工委/内部安排.md');
    expect(forAdmin.body).toContain('现行有效');
    const forClerk = await text(await clerk.fetch('/documents'));
    expect(forClerk.status).toBe(200);
    expect(forClerk.body).toContain('公共/议事规则.md');
    expect(forClerk.body).not.toContain('内部安排');
    expect(forClerk.body).not.toContain('上传文件'); // no admin forms

    for (const path of [view('代表工委/内部安排.md'), view('代表工委/内部安排.md', '&q=座谈会'), `/documents/remove?doc=${encodeURIComponent('代表工委/内部安排.md')}`]) {
      const refused = await text(await clerk.fetch(path));
      expect(refused.status, path).toBeGreaterThanOrEqual(403);
      expect(refused.body).not.toContain('李四');
    }
    expect((await text(await clerk.fetch(view('代表工委/内部安排.md')))).body).toContain('不属于您可以查看的部门');
  });

  it('shows a document\'s passages with their locations, and finds passages inside it with citations', async () => {
    const page = await text(await clerk.fetch(view('公共/议事规则.md')));
    expect(page.body).toMatch(/第一条[\s\S]*常务委员会会议一般每两个月举行一次/);
    expect(page.body).toContain('第三条');
    const found = await text(await clerk.fetch(view('公共/议事规则.md', `&q=${encodeURIComponent('代表建议答复')}`)));
    expect(found.body).toContain('[1] 《议事规则》 第三条（公共/议事规则.md）');
    expect(found.body).not.toContain('每两个月举行一次');
  });

  it('refuses every form without the session\'s CSRF token, changing nothing', async () => {
    const doc = '公共/议事规则.md';
    const forms: Array<[string, Record<string, string>]> = [
      ['/documents/remove', { doc }], ['/documents/scope', { doc, scope: '代表工委' }], ['/documents/status', { doc, status: 'superseded' }],
      ['/drafts', { request: '起草一段上半年监督工作的总结' }],
    ];
    for (const [path, fields] of forms) {
      for (const token of [undefined, 'forged-token']) {
        const response = await admin.fetch(path, { method: 'POST', body: new URLSearchParams({ ...fields, ...(token ? { _csrf: token } : {}) }) });
        expect(response.status, `${path} ${token}`).toBe(403);
        expect(await response.text()).toContain('没有通过安全校验');
      }
    }
    const upload = new FormData();
    upload.set('file', new Blob([RULES]), '新规则.md');
    expect((await admin.fetch('/documents/upload', { method: 'POST', body: upload })).status).toBe(403);
    expect(await rig.services.knowledge.document(doc)).toMatchObject({ scope: '公共', status: 'in_force' });
    expect(await rig.services.knowledge.document('公共/新规则.md')).toBeUndefined();
  });

  it('lets only admins change things, and audits each change under the admin\'s id', async () => {
    const doc = '公共/议事规则.md';
    const refused = await text(await clerk.post('/documents/status', { doc, status: 'superseded' }));
    expect(refused.status).toBe(403);
    expect(refused.body).toContain('只有管理员');

    expect((await admin.post('/documents/status', { doc, status: '已替代' })).status).toBe(303);
    expect((await rig.services.knowledge.document(doc))?.status).toBe('superseded');
    expect((await text(await admin.fetch(view(doc, '&changed=status')))).body).toContain('已被替代');
    expect((await text(await admin.post('/documents/status', { doc, status: '作废了' }))).body).toContain('状态应为');
    expect((await admin.post('/documents/status', { doc, status: 'in_force' })).status).toBe(303);

    const elsewhere = await text(await admin.post('/documents/scope', { doc, scope: '财经工委' }));
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body).toContain('只能选择“公共”或您所在的部门');
    expect((await admin.post('/documents/scope', { doc, scope: '代表工委' })).status).toBe(303);
    expect((await text(await clerk.fetch(view(doc)))).status).toBe(404); // moved out of the clerk's sight
    expect((await admin.post('/documents/scope', { doc, scope: '公共' })).status).toBe(303);

    const catalog = (await rig.services.parts.knowledge()).catalog;
    const trail = (await catalog.auditTrail()).map((e) => [e.action, e.doc, e.by, e.channel]);
    expect(trail).toEqual([
      ['status', doc, 'telegram:1', 'web'], ['status', doc, 'telegram:1', 'web'],
      ['scope', doc, 'telegram:1', 'web'], ['scope', doc, 'telegram:1', 'web'],
    ]);
  });

  it('says in Chinese why an upload is refused or not ingested, and stores nothing', async () => {
    const before = await rig.services.knowledge.documents();
    const send = async (name: string, bytes: string | Uint8Array, fields: Record<string, string> = {}) => {
      const form = new FormData();
      form.set('_csrf', admin.csrf);
      for (const [key, value] of Object.entries(fields)) form.set(key, value);
      form.set('file', new Blob([bytes]), name);
      return admin.fetch('/documents/upload', { method: 'POST', body: form });
    };
    const table = await text(await send('台账.xls', 'a,b'));
    expect(table.status).toBe(400);
    expect(table.body).toContain('格式不支持');
    const twice = await text(await send('议事规则.md', RULES, { scope: '公共' }));
    expect(twice.status).toBe(409);
    expect(twice.body).toContain('已有“公共/议事规则.md”');

    // Too large: refused on its declared length, before the form is read at all.
    const huge = await new Promise<{ status: number; body: string }>((done, fail) => {
      const request = httpRequest(`${rig.url}/documents/upload`, {
        method: 'POST', headers: { cookie: admin.cookie, 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(60 * 1048576) },
      }, (response) => {
        let body = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk)).on('end', () => {
          request.destroy(); // the rest of the 60 MB is never sent
          done({ status: response.statusCode!, body });
        });
      });
      request.on('error', fail);
      request.write('--x\r\n');
    });
    expect(huge.status).toBe(413);
    expect(huge.body).toContain('上传的文件太大');

    const broken = await send('损坏.pdf', '%PDF-1.7 this is not really a pdf');
    expect(broken.status).toBe(303);
    const progress = broken.headers.get('location')!;
    let page = '';
    await expect.poll(async () => (page = await (await admin.fetch(progress)).text()), { timeout: 20_000 }).toContain('收录结束');
    expect(page).toContain('《损坏.pdf》没有收录');
    expect(await rig.services.knowledge.documents()).toEqual(before);
    // Someone else's upload progress is not theirs to see.
    expect((await clerk.fetch(progress)).status).toBe(404);
  });

  const small = mountSmallFilesystem(256);
  it.skipIf(!small)('an upload the full temporary disk cannot hold leaves nothing there, and stores nothing', async () => {
    const before = await rig.services.knowledge.documents();
    const filler = small!.fill();
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = small!.path;
    try {
      const form = new FormData();
      form.set('_csrf', admin.csrf);
      form.set('file', new Blob([RULES.repeat(200)]), '新规则.md');
      const response = await admin.fetch('/documents/upload', { method: 'POST', body: form });
      expect(response.status).toBeGreaterThanOrEqual(500);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
    expect(readdirSync(small!.path).filter((name) => join(small!.path, name) !== filler)).toEqual([]);
    expect(await rig.services.knowledge.documents()).toEqual(before);
  });
});
