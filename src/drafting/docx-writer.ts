/**
 * The draft as a Word document laid out after the official-document format (GB/T 9704):
 * A4 with its margins, 方正小标宋简体 二号 title, 黑体 headings, 仿宋_GB2312 三号 body,
 * 28.95 pt fixed line spacing (22 lines a page). Fonts are named, not embedded.
 */
import { AlignmentType, Document, LineRuleType, Packer, Paragraph, TextRun } from 'docx';
import type { DraftDocument } from './types.ts';

const MM = 56.7; // twips per millimetre
const PT = 20; // twips per point
const SIZE_3 = 32; // 三号 (16 pt) in half-points
const SIZE_2 = 44; // 二号 (22 pt)

const font = (eastAsia: string) => ({ eastAsia, ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman' });
const lines = { line: Math.round(28.95 * PT), lineRule: LineRuleType.EXACT };

/** Render a draft to .docx bytes. */
export async function draftToDocx(draft: DraftDocument): Promise<Uint8Array> {
  const title = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { ...lines, after: 28.95 * PT },
    children: [new TextRun({ text: draft.title, font: font('方正小标宋简体'), size: SIZE_2 })],
  });
  const body = draft.paragraphs.map((p) => p.style === 'heading'
    ? new Paragraph({
      spacing: lines,
      indent: { firstLine: 2 * 16 * PT },
      children: [new TextRun({ text: p.text, font: font('黑体'), size: SIZE_3 })],
    })
    : new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      spacing: lines,
      indent: { firstLine: 2 * 16 * PT },
      children: [new TextRun({ text: p.text, font: font('仿宋_GB2312'), size: SIZE_3 })],
    }));
  const document = new Document({
    creator: '履职助手',
    title: draft.title,
    styles: { default: { document: { run: { font: font('仿宋_GB2312'), size: SIZE_3 } } } },
    sections: [{
      properties: {
        page: {
          size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
          margin: { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM) },
        },
      },
      children: [title, ...body],
    }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
