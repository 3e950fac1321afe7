import PDFDocument from 'pdfkit';
import type { PlanEntry, PlanFact, PlanSection, PlanView } from '../../../app/plan/plan-view-types.js';
import { pdfText } from './pdf-text.js';

/**
 * The written plan as an A4 PDF, drawn with pdfkit from the same view as the HTML page. Text only
 * (no scripts, no forms, no links), in the standard fonts; see pdf-text.ts for what that means for
 * characters outside Windows-1252.
 */

type Doc = InstanceType<typeof PDFDocument>;

const MARGIN = 56;
const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const ITALIC = 'Helvetica-Oblique';
const ACCENT = '#1d4f91';
const INK = '#1b1b1b';
/** A heading this close to the bottom moves to the next page with what it introduces. */
const KEEP_WITH_NEXT = 90;

function facts(doc: Doc, list: PlanFact[]): void {
  for (const fact of list) {
    doc.font(BOLD).fontSize(10).text(`${pdfText(fact.label)}: `, { continued: true }).font(REGULAR).text(pdfText(fact.value));
    doc.moveDown(0.15);
  }
}

function entry(doc: Doc, item: PlanEntry): void {
  if (item.title) doc.font(BOLD).fontSize(11).text(pdfText(item.title)).moveDown(0.2);
  if (item.text) doc.font(REGULAR).fontSize(10).text(pdfText(item.text)).moveDown(0.2);
  for (const line of item.items ?? []) doc.font(REGULAR).fontSize(10).text(`•  ${pdfText(line)}`, { indent: 8 });
  facts(doc, item.facts);
  doc.moveDown(0.5);
}

function section(doc: Doc, part: PlanSection): void {
  if (doc.y > doc.page.height - doc.page.margins.bottom - KEEP_WITH_NEXT) doc.addPage();
  doc.moveDown(0.6).font(BOLD).fontSize(13).fillColor(ACCENT).text(pdfText(part.heading)).fillColor(INK).moveDown(0.3);
  if (part.entries.length === 0) doc.font(ITALIC).fontSize(10).text(pdfText(part.empty)).moveDown(0.5);
  for (const item of part.entries) entry(doc, item);
}

/** "Page 2 of 5" under every page, written once all pages exist. */
function footers(doc: Doc, view: PlanView): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Writing below the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    doc.font(REGULAR).fontSize(8).fillColor('#555555');
    doc.text(`${pdfText(view.title)}  ·  page ${i - start + 1} of ${count}`, MARGIN, doc.page.height - MARGIN / 2 - 8, { width: doc.page.width - 2 * MARGIN, align: 'center' });
    doc.page.margins.bottom = bottom;
  }
}

export function renderPlanPdf(view: PlanView): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: 'en-GB',
    displayTitle: true,
    // Dated by the plan, not the request, so the same version always gives the same document.
    info: { Title: pdfText(view.title), Author: 'PEP Bot', Subject: 'Personal Education Plan', CreationDate: new Date(view.issuedAt) },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.fillColor(INK).font(BOLD).fontSize(18).text(pdfText(view.title)).moveDown(0.5);
  facts(doc, view.summary);
  for (const part of view.sections) section(doc, part);
  footers(doc, view);
  doc.end();
  return done;
}
