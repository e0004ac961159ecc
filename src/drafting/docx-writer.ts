/**
 * The draft as a Word document laid out after the official-document format (GB/T 9704):
 * A4 with its margins, 方正小标宋简体 二号 title, 仿宋_GB2312 三号 body, 28.95 pt fixed line
 * spacing (22 lines a page), lead-ins (一是……) set off in bold or 黑体, page numbers
 * "— 1 —" in 4号 宋体 (odd pages right, even pages left, one character in from the edge),
 * and the period and drafting basis on a last line the secretary can delete.
 * Fonts are named, not embedded.
 */
import { AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import type { DraftDocument } from './types.ts';

/** How first-level lead-ins (一是……) are set off: 仿宋 bold, or 黑体. */
export type LeadInStyle = 'bold' | 'heiti';

/** Layout choices the office makes (LVZHI_DRAFT_LEAD_IN). */
export interface DocxOptions {
  readonly leadIn?: LeadInStyle;
}

const MM = 56.7; // twips per millimetre
const PT = 20; // twips per point
const SIZE_2 = 44; // 二号 (22 pt) in half-points
const SIZE_3 = 32; // 三号 (16 pt)
const SIZE_4 = 28; // 四号 (14 pt)
const BODY = '仿宋_GB2312';

const font = (eastAsia: string) => ({ eastAsia, ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman' });
const lines = { line: Math.round(28.95 * PT), lineRule: LineRuleType.EXACT };
const indent = { firstLine: 2 * 16 * PT };

// An ordinal lead at the start of a paragraph or a sentence, with its short heading
// sentence when it has one (一是听取审议专项工作报告。).
const LEAD = /(?<=^|[。！？；])([一二三四五六七八九十]+是)(?:([^。！？；]{1,30}[。；])(?=\S))?/g;

/** A body paragraph's runs: its lead-ins set off, the rest plain. */
function bodyRuns(text: string, leadIn: LeadInStyle): TextRun[] {
  const runs: TextRun[] = [];
  let at = 0;
  const plain = (t: string) => t && runs.push(new TextRun({ text: t, font: font(BODY), size: SIZE_3 }));
  for (const m of text.matchAll(LEAD)) {
    plain(text.slice(at, m.index));
    runs.push(new TextRun({
      text: m[0], size: SIZE_3,
      ...(leadIn === 'heiti' ? { font: font('黑体') } : { font: font(BODY), bold: true }),
    }));
    at = m.index + m[0].length;
  }
  plain(text.slice(at));
  return runs;
}

/** The footer of odd or even pages: — n — in 4号 宋体, one character in from its side. */
function pageFooter(side: 'odd' | 'even'): Footer {
  const oneChar = 14 * PT;
  return new Footer({
    children: [new Paragraph({
      alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
      indent: side === 'odd' ? { right: oneChar } : { left: oneChar },
      children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: { ascii: '宋体', hAnsi: '宋体', eastAsia: '宋体', cs: '宋体' }, size: SIZE_4 })],
    })],
  });
}

/** Render a draft to .docx bytes. */
export async function draftToDocx(draft: DraftDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  const leadIn = options.leadIn ?? 'bold';
  const title = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { ...lines, after: 28.95 * PT },
    children: [new TextRun({ text: draft.title, font: font('方正小标宋简体'), size: SIZE_2 })],
  });
  const body = draft.paragraphs.map((p) => {
    if (p.style === 'heading') {
      return new Paragraph({ spacing: lines, indent, children: [new TextRun({ text: p.text, font: font('黑体'), size: SIZE_3 })] });
    }
    if (p.style === 'salutation') {
      return new Paragraph({ spacing: lines, children: [new TextRun({ text: p.text, font: font(BODY), size: SIZE_3 })] });
    }
    return new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: lines, indent, children: bodyRuns(p.text, leadIn) });
  });
  const basis = draft.basis
    ? [new Paragraph({ spacing: lines, indent, children: [new TextRun({ text: draft.basis, font: font(BODY), size: SIZE_3 })] })]
    : [];
  const document = new Document({
    creator: '履职助手',
    title: draft.title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: font(BODY), size: SIZE_3 } } } },
    sections: [{
      properties: {
        page: {
          size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
          // The page number's top sits 7 mm below the type area (35 mm margin): its 14 pt
          // line then ends about 23 mm above the page's lower edge.
          margin: {
            top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM),
            footer: Math.round(23 * MM),
          },
        },
      },
      footers: { default: pageFooter('odd'), even: pageFooter('even') },
      children: [title, ...body, ...basis],
    }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
