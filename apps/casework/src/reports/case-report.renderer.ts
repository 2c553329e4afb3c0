import {
  bullets,
  humanise,
  keyValues,
  londonDateTime,
  londonShort,
  paragraph,
  renderDocument,
  section,
  table,
  type DocumentSpec,
  type RenderOptions,
} from '@mediation/documents';
import type { CaseReportData, ReportDeadline, ReportExhibit, ReportTimelineEntry } from './case-report-data';

/** The case report PDF, as bytes: pure, so it can be tested and re-rendered from the same data. */
export function renderCaseReport(data: CaseReportData, options: RenderOptions = {}): Promise<Buffer> {
  return renderDocument(caseReportDocument(data), options);
}

/** What the case report says, in reading order. */
export function caseReportDocument(data: CaseReportData): DocumentSpec {
  return {
    organisation: data.provider,
    title: 'Case report',
    marking: 'CONFIDENTIAL',
    subtitle: [
      `${data.reference}  ·  ${data.serviceLine.name}`,
      ...(data.closure > 1 ? [`Report on closure ${data.closure} (the case was reopened ${data.closure - 1} time${data.closure > 2 ? 's' : ''}).`] : []),
    ],
    reference: data.reference,
    subject: 'Case report (confidential)',
    issuedAt: data.issuedAt,
    body: [
      keyValues([
        ['Reference', data.reference],
        ['Referred by', data.referrer ? [data.referrer.name, data.referrer.organisation].filter(Boolean).join(', ') : 'Not recorded'],
        ['Opened', londonDateTime(data.openedAt)],
        ['Closed', londonDateTime(data.closedAt)],
        ['Outcome', data.outcome.label],
        ['Prepared by', [data.provider.name, ...(data.provider.address ?? [])].join(', ')],
      ]),
      section('Summary', paragraph(data.summary?.trim() || 'No summary was recorded at closure.')),
      section('Outcome', paragraph(`${data.outcome.label}${data.outcome.expected ? '' : ' (not one of the expected outcomes)'}.`, 'strong')),
      section(
        'Recommendations for further referral or escalation',
        bullets(data.recommendations.length > 0 ? data.recommendations : ['No further referral or escalation is recommended.']),
      ),
      section(
        'Parties',
        table(
          PEOPLE,
          data.parties.map((p) => [humanise(p.role), p.name]),
          'No parties were recorded.',
        ),
      ),
      ...(data.team.length > 0
        ? [
            section(
              'Case team',
              table(
                PEOPLE,
                data.team.map((t) => [humanise(t.role), t.name]),
              ),
            ),
          ]
        : []),
      section(
        'Deadlines',
        table(
          [
            { title: 'Deadline', width: 0.38 },
            { title: 'Due', width: 0.22 },
            { title: 'Result', width: 0.4 },
          ],
          data.deadlines.map(deadlineRow),
          'No contract deadlines applied to this case.',
        ),
      ),
      section(
        'Evidence',
        table(
          [
            { title: 'Exhibit', width: 0.11 },
            { title: 'Kind', width: 0.13 },
            { title: 'Description', width: 0.28 },
            { title: 'Produced by', width: 0.16 },
            { title: 'SHA-256', width: 0.32 },
          ],
          data.evidence.map(exhibitRow),
          'No evidence was recorded on the case.',
        ),
        ...(data.evidence.length > 0
          ? [
              paragraph(
                'Each exhibit’s SHA-256 identifies its file exactly, as the evidence service received it (the current version when this report was issued): a copy can be checked against it. The files are produced on request.',
                'note',
              ),
            ]
          : []),
      ),
      section(
        'Timeline',
        table(
          [
            { title: 'When (UK time)', width: 0.27 },
            { title: 'What happened', width: 0.73 },
          ],
          timelineRows(data.timeline),
          'Nothing was recorded on the case.',
        ),
      ),
      section(
        'Provider and contract',
        keyValues([
          ['Provider', data.provider.name],
          ['Contract', [data.contract.title, data.contract.reference ? `(${data.contract.reference})` : null].filter(Boolean).join(' ') || 'Not recorded'],
          ['Buyer', data.contract.buyer ?? 'Not recorded'],
          ['Service line', data.serviceLine.name],
          ['Contract version', data.contract.version ? `Version ${data.contract.version}; the case ran under its rules` : 'Not recorded'],
        ]),
      ),
      paragraph(
        `Issued ${londonDateTime(data.issuedAt)} (UK time). This report names the parties and their roles only; contact details and sensitive information stay in the case file.`,
        'note',
      ),
    ],
  };
}

const PEOPLE = [
  { title: 'Role', width: 0.35 },
  { title: 'Name', width: 0.65 },
];

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

function exhibitRow(e: ReportExhibit): string[] {
  const notes = [
    e.version > 1 ? `version ${e.version}` : null,
    e.redactedFrom ? `redacted copy of ${e.redactedFrom}` : null,
    e.filesDeletedAt ? `files deleted at retention on ${londonShort(e.filesDeletedAt)}` : null,
  ].filter(Boolean);
  return [e.exhibitRef, humanise(e.kind), notes.length > 0 ? `${e.description} (${notes.join('; ')})` : e.description, e.producedBy, e.sha256];
}

function timelineRows(entries: ReportTimelineEntry[]): string[][] {
  return [...entries].sort((a, b) => a.at.getTime() - b.at.getTime()).map((e) => [londonShort(e.at), e.text]);
}
