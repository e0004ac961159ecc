import { describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import JSZip from 'jszip';
import { countedFigures, draftToDocx, findTopic, loadTopics, ungroundedFigures } from '../../src/drafting/index.ts';
import { nameOf, subjectOf } from '../../src/drafting/examples.ts';
import { describePeriod } from '../../src/drafting/period-phrase.ts';
import { DraftTemplates, fillTemplate, loadTemplates } from '../../src/drafting/template-file.ts';

describe('grounding check', () => {
  it('finds counted figures and skips ordinals, durations and Chinese-numeral set phrases', () => {
    const text = '召开常委会第16次会议，半年来听取审议14个报告，近6个月视察8次，坚决做到两个维护，交办46件。';
    expect(countedFigures(text).map((f) => f.text)).toEqual(['14个', '8次', '46件']);
    expect(ungroundedFigures(text, [14, 8]).map((f) => f.text)).toEqual(['46件']);
  });
});

describe('topics', () => {
  const topics = loadTopics();
  it('reads the topic a request names, the most specific word winning', () => {
    expect(findTopic('起草一段上半年监督工作的总结', topics)?.id).toBe('supervision');
    expect(findTopic('写段话总结一下近半年的视察调研工作', topics)?.id).toBe('inspection_research');
    expect(findTopic('帮我写今年以来代表建议办理工作情况的汇报', topics)?.id).toBe('suggestions');
    expect(findTopic('写一段代表工作的发言', topics)?.id).toBe('deputies');
    expect(findTopic('帮我写上半年加强自身建设、学习方面的情况', topics)?.id).toBe('self_building');
    expect(findTopic('写一首诗', topics)).toBeUndefined();
  });
});

describe('examples from titles', () => {
  it('takes the subject of an activity and leaves out titles carrying their own counts', () => {
    expect(subjectOf('视察全区优化营商环境工作')).toBe('全区优化营商环境');
    expect(subjectOf('党组理论学习中心组学习研讨:学习党的二十大精神')).toBe('党的二十大精神');
    expect(subjectOf('集中交办代表建议112件')).toBeUndefined();
    expect(nameOf('区人大常委会党组(扩大)会议(2023年第1次)')).toBe('区人大常委会党组(扩大)会议');
  });
});

describe('period phrases', () => {
  it('names periods the way the office writes them', () => {
    expect(describePeriod('2023-01-01', '2023-06-30', '2023-07-05')).toBe('2023年上半年');
    expect(describePeriod('2023-01-01', '2023-12-31', '2024-01-05')).toBe('2023年');
    expect(describePeriod('2024-01-01', '2024-03-01', '2024-03-01')).toBe('今年以来');
    expect(describePeriod('2024-02-01', '2024-02-29', '2024-03-01')).toBe('2024年2月');
    expect(describePeriod('2023-07-01', '2023-09-30', '2023-11-30')).toBe('2023年第三季度');
    expect(describePeriod('2023-01-05', '2023-07-05', '2023-07-05')).toBe('2023年1月5日至7月5日');
  });
});

describe('templates', () => {
  it('drops an optional segment whose placeholder is empty', () => {
    const t = '[[对{{例举}}等]]{{次数}}个事项进行了视察';
    expect(fillTemplate(t, { 例举: '安全生产', 次数: '3' })).toBe('对安全生产等3个事项进行了视察');
    expect(fillTemplate(t, { 次数: '3' })).toBe('3个事项进行了视察');
  });

  it('parses slots and falls back to the * template', () => {
    const templates = new DraftTemplates('## 开头 a\n甲\n\n## 开头 *\n乙\n');
    expect(templates.get('开头', 'a')).toBe('甲');
    expect(templates.get('开头', 'b')).toBe('乙');
    expect(loadTemplates().get('条目', 'report_review')).toContain('{{次数}}个报告');
  });
});

describe('Word export', () => {
  it('writes a .docx whose text reads back and names the official fonts', async () => {
    const bytes = await draftToDocx({
      title: '区人大常委会2023年上半年监督工作情况',
      paragraphs: [{ style: 'heading', text: '一、监督工作' }, { style: 'body', text: '一是听取审议专项工作报告。' }],
    });
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(value).toContain('区人大常委会2023年上半年监督工作情况');
    expect(value).toContain('一是听取审议专项工作报告。');
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('方正小标宋简体');
    expect(xml).toContain('仿宋_GB2312');
    expect(xml).toContain('黑体');
    expect(xml).toMatch(/w:pgSz w:w="11907" w:h="16840"|w:pgSz w:w="11907"/);
  });
});

describe('named examples in a draft item', () => {
  it('ends an incomplete list with 等 and leaves kind names out of the subjects', async () => {
    const { draftFromTemplates } = await import('../../src/drafting/template-drafter.ts');
    const { loadTaxonomy } = await import('../../src/activities/index.ts');
    const topic = loadTopics().find((t) => t.id === 'self_building')!;
    const doc = draftFromTemplates(loadTemplates(), {
      topic, form: 'section', period: '2023年上半年', organ: '区人大常委会',
      facts: [
        { kinds: ['party_meeting'], count: 2, titles: ['区人大常委会党组(扩大)会议(2023年第1次)', '党组会议'] },
        { kinds: ['study'], count: 5, titles: ['党组理论学习中心组学习研讨:学习党的二十大精神'] },
        { kinds: ['meeting'], count: 1, titles: ['2023年工作部署暨作风建设推进会'] },
      ],
    }, loadTaxonomy());
    const text = doc.paragraphs.map((p) => p.text).join('\n');
    expect(text).toContain('一是坚持党的全面领导。召开党组（扩大）会议2次');
    expect(text).toContain('围绕党的二十大精神等内容开展集中学习5次');
    expect(text).toContain('包括2023年工作部署暨作风建设推进会，');
    expect(text).toContain('三是持续推进作风建设');
  });
});

describe('subjects of logged messages', () => {
  it('reads the subject out of a message as staff type it', () => {
    expect(subjectOf('组织代表视察了安全生产工作')).toBe('安全生产');
    expect(subjectOf('赴帮包乡镇走访调研安全生产')).toBe('安全生产');
  });
});
