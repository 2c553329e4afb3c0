import type { CaseReportData, ReportDeadline, ReportTimelineEntry } from './case-report-data';
import { londonDateTime, londonShort } from './london-format';
import { ACCENT, bullets, contentWidth, footers, humanise, keyValues, MARGIN, MUTED, INK, openDocument, paragraph, safeData, section, table, type Doc } from './pdf-layout';

export interface RenderOptions {
  /** Tests turn compression off so the text can be read back from the bytes. */
  compress?: boolean;
}

/** The case report PDF, as bytes: pure, so it can be tested and re-rendered from the same data. */
export function renderCaseReport(input: CaseReportData, options: RenderOptions = {}): Promise<Buffer> {
  const data = safeData(input);
  const { doc, done } = openDocument({ compress: options.compress, title: `Case report ${data.reference}`, author: data.provider.name, subject: 'Case report (confidential)', createdAt: data.issuedAt });
  titleBlock(doc, data);
  keyFacts(doc, data);
  section(doc, 'Summary');
  paragraph(doc, data.summary?.trim() || 'No summary was recorded at closure.');
  section(doc, 'Outcome');
  paragraph(doc, `${data.outcome.label}${data.outcome.expected ? '' : ' (not one of the expected outcomes)'}.`, { bold: true });
  section(doc, 'Recommendations for further referral or escalation');
  bullets(doc, data.recommendations.length > 0 ? data.recommendations : ['No further referral or escalation is recommended.']);
  section(doc, 'Parties');
  table(doc, [{ title: 'Role', width: 0.35 }, { title: 'Name', width: 0.65 }], data.parties.map((p) => [humanise(p.role), p.name]), 'No parties were recorded.');
  if (data.team.length > 0) {
    section(doc, 'Case team');
    table(doc, [{ title: 'Role', width: 0.35 }, { title: 'Name', width: 0.65 }], data.team.map((t) => [humanise(t.role), t.name]), '');
  }
  section(doc, 'Deadlines');
  table(doc, [{ title: 'Deadline', width: 0.38 }, { title: 'Due', width: 0.22 }, { title: 'Result', width: 0.4 }], data.deadlines.map(deadlineRow), 'No contract deadlines applied to this case.');
  section(doc, 'Timeline');
  table(doc, [{ title: 'When (UK time)', width: 0.27 }, { title: 'What happened', width: 0.73 }], timelineRows(data.timeline), 'Nothing was recorded on the case.');
  section(doc, 'Provider and contract');
  keyValues(doc, [
    ['Provider', data.provider.name],
    ['Contract', [data.contract.title, data.contract.reference ? `(${data.contract.reference})` : null].filter(Boolean).join(' ') || 'Not recorded'],
    ['Buyer', data.contract.buyer ?? 'Not recorded'],
    ['Service line', data.serviceLine.name],
    ['Contract version', data.contract.version ? `Version ${data.contract.version}; the case ran under its rules` : 'Not recorded'],
  ]);
  doc.moveDown(1);
  doc.font('Helvetica-Oblique').fontSize(8.5).fillColor(MUTED).text(`Issued ${londonDateTime(data.issuedAt)} (UK time). This report names the parties and their roles only; contact details and sensitive information stay in the case file.`, { width: contentWidth(doc) });

  footers(doc, data.reference);
  doc.end();
  return done;
}

function titleBlock(doc: Doc, data: CaseReportData): void {
  const x = MARGIN;
  doc.font('Helvetica-Bold').fontSize(8).fillColor('#a11d2b').text('CONFIDENTIAL', x, MARGIN, { characterSpacing: 1.5 });
  doc.moveDown(0.3);
  doc.font('Helvetica-Bold').fontSize(22).fillColor(ACCENT).text('Case report');
  doc.font('Helvetica').fontSize(12).fillColor(INK).text(`${data.reference}  ·  ${data.serviceLine.name}`);
  if (data.closure > 1) doc.font('Helvetica').fontSize(10).fillColor(MUTED).text(`Report on closure ${data.closure} (the case was reopened ${data.closure - 1} time${data.closure > 2 ? 's' : ''}).`);
  doc.moveDown(0.6);
  doc.moveTo(x, doc.y).lineTo(x + contentWidth(doc), doc.y).lineWidth(1.5).strokeColor(ACCENT).stroke();
  doc.moveDown(0.8);
}

function keyFacts(doc: Doc, data: CaseReportData): void {
  keyValues(doc, [
    ['Reference', data.reference],
    ['Referred by', data.referrer ? [data.referrer.name, data.referrer.organisation].filter(Boolean).join(', ') : 'Not recorded'],
    ['Opened', londonDateTime(data.openedAt)],
    ['Closed', londonDateTime(data.closedAt)],
    ['Outcome', data.outcome.label],
    ['Prepared by', [data.provider.name, ...(data.provider.address ?? [])].join(', ')],
  ]);
}

export function deadlineResult(d: ReportDeadline): string {
  const when = d.metAt ? ` on ${londonShort(d.metAt)}` : '';
  switch (d.status) {
    case 'met':
      return d.late ? `Met late${when} (breached)` : `Met${when}`;
    case 'breached':
      return 'Breached (not met by the due time)';
    case 'pending':
      return d.kind === 'informational' ? 'Open (someone else’s deadline)' : 'Open when this report was issued';
    case 'awaiting-date':
      return 'Waiting for a date that was never given';
    case 'paused':
      return 'Paused when this report was issued';
    case 'cancelled':
      // A closure, an end or a cancelling event stopped it: it was neither met nor missed.
      return 'Stopped before it fell due (neither met nor missed)';
    case 'passed':
      // Only someone else's date passes (the family's appeal deadline): it is never the provider's breach.
      return 'Passed (someone else’s deadline; not a breach)';
  }
}

function deadlineRow(d: ReportDeadline): string[] {
  return [d.kind === 'informational' ? `${d.label} (for information)` : d.label, d.dueAt ? londonShort(d.dueAt) : 'No date', deadlineResult(d)];
}

function timelineRows(entries: ReportTimelineEntry[]): string[][] {
  return [...entries].sort((a, b) => a.at.getTime() - b.at.getTime()).map((e) => [londonShort(e.at), e.text]);
}

export { humanise };
