import { humanise } from '@mediation/documents';
import {
  ContractDefinitionSchema,
  type DeadlineView,
  type EventData,
  type CaseClosedV1,
  type EvidenceItemView,
  type OrganisationProfile,
} from '@mediation/protocol';
import type { CaseReportData, ReportExhibit, ReportTimelineEntry } from './case-report-data';
import type { CaseFile } from './case-report.repository';
import { recommendationsFor } from './recommendations';

const MILESTONES: Record<string, string> = {
  'referral.received': 'Referral received',
  'case.opened': 'Case opened',
  'contact.made': 'Contact made with the parties',
  'mediation.held': 'Mediation session held',
  'visit.held': 'Visit held',
  'meeting.held': 'Meeting held',
  'mediation.declined': 'Mediation declined',
  'mediation.delayed': 'Mediation delayed',
  'conditions.completed': 'Conditions completed',
  'certificate.issued': 'Mediation certificate issued',
  'report.sent': 'Case report sent',
  'case.closed': 'Case closed',
};

const CHANNELS: Record<string, string> = { email: 'Email', sms: 'Text message', letter: 'Letter', phone: 'Phone call', call: 'Phone call' };

const CERTIFICATES: Record<string, string> = {
  'after-mediation': 'after mediation',
  declined: 'the family declined mediation',
  deemed: 'deemed: mediation could not be held in time',
};

export interface AssembleInput {
  file: CaseFile;
  closed: EventData<typeof CaseClosedV1>;
  deadlines: DeadlineView[];
  /** The case's exhibits, from the evidence service (none: an empty list). */
  evidence?: EvidenceItemView[];
  provider: OrganisationProfile;
  issuedAt: Date;
}

/** Turns what casework recorded into what the report shows: names and roles, never contact details. */
export function assembleCaseReport({ file, closed, deadlines, evidence = [], provider, issuedAt }: AssembleInput): CaseReportData {
  const parsed = file.contract ? ContractDefinitionSchema.safeParse(file.contract.definition) : undefined;
  const definition = parsed?.success ? parsed.data : undefined;
  const line = definition?.serviceLines.find((l) => l.key === file.case.serviceLine);
  const outcome = line?.outcomes.find((o) => o.key === closed.outcome);
  const referrer = file.case.referrer as { name?: string; organisation?: string } | null;
  const closing = [...file.statusChanges].reverse().find((s) => s.toStatus === 'closed');
  const reportDeadlines = deadlines.map((d) => ({
    label: deadlineLabel(d, deadlines, line?.deadlineRules ?? [], file.milestones),
    kind: d.kind,
    dueAt: d.dueAt ? new Date(d.dueAt) : null,
    status: d.status,
    metAt: d.metAt ? new Date(d.metAt) : null,
    late: d.late,
  }));
  const template = file.contract?.template ?? definition?.origin?.template ?? null;
  return {
    reference: closed.reference,
    closure: closed.timesReopened + 1,
    issuedAt,
    openedAt: file.case.openedAt,
    closedAt: new Date(closed.closedAt),
    provider,
    contract: {
      reference: definition?.reference ?? null,
      title: definition?.title ?? null,
      buyer: definition?.buyers[0]?.name ?? null,
      version: file.case.contractVersion,
      template,
    },
    serviceLine: { key: file.case.serviceLine, name: line?.name ?? humanise(file.case.serviceLine) },
    referrer: referrer?.name ? { name: referrer.name, organisation: referrer.organisation ?? null } : null,
    summary: closing?.reason ?? null,
    outcome: { key: closed.outcome, label: outcome?.label ?? humanise(closed.outcome), expected: closed.outcomeExpected },
    parties: file.parties.map((p) => ({ role: p.role, name: p.name })),
    team: file.team.map((t) => ({ role: t.endedAt ? `${t.role} (until ${t.endedAt.toISOString().slice(0, 10)})` : t.role, name: t.name })),
    timeline: timeline(file, outcome?.label),
    deadlines: reportDeadlines,
    evidence: reportEvidence(evidence),
    recommendations: recommendationsFor({
      template,
      outcome: { key: closed.outcome, expected: closed.outcomeExpected },
      dates: (file.case.dates ?? {}) as Record<string, string>,
      deadlines: reportDeadlines,
      entered: enteredRecommendations(closing?.recommendations),
    }),
  };
}

/**
 * A clock's label, told apart from the other runs of its rule when the rule repeated: by the closure it
 * followed for a rule started by closing (the case report owed after each closure), else by its turn.
 */
function deadlineLabel(d: DeadlineView, all: DeadlineView[], rules: { key: string; startEvent: string }[], milestones: CaseFile['milestones']): string {
  const occurrence = d.occurrence ?? 1;
  if (occurrence === 1 && !all.some((other) => other.rule === d.rule && other.id !== d.id)) return d.label;
  if (rules.find((r) => r.key === d.rule)?.startEvent === 'case.closed') {
    // The clock started at its closure's milestone time, so the closures up to then say which one it followed.
    const closure = milestones.filter((m) => m.milestone === 'case.closed' && m.occurredAt.getTime() <= new Date(d.startedAt).getTime()).length;
    if (closure > 0) return `${d.label} (after closure ${closure})`;
  }
  return `${d.label} (occurrence ${occurrence})`;
}

/** Exhibits in exhibit order, a redacted copy naming its original by reference. */
export function reportEvidence(items: EvidenceItemView[]): ReportExhibit[] {
  const refs = new Map(items.map((item) => [item.id, item.exhibitRef]));
  return [...items]
    .sort((a, b) => a.exhibitRef.localeCompare(b.exhibitRef, 'en', { numeric: true }))
    .map((item) => ({
      exhibitRef: item.exhibitRef,
      kind: item.kind,
      description: item.description,
      producedBy: item.producedBy,
      sha256: item.sha256,
      version: item.version,
      redactedFrom: item.redactedFromId ? (refs.get(item.redactedFromId) ?? 'another exhibit') : null,
      filesDeletedAt: item.objectsDeletedAt ? new Date(item.objectsDeletedAt) : null,
    }));
}

function enteredRecommendations(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((r): r is string => typeof r === 'string') : [];
}

function timeline(file: CaseFile, outcomeLabel: string | undefined): ReportTimelineEntry[] {
  const entries: ReportTimelineEntry[] = [];
  if (file.case.receivedAt) entries.push({ at: file.case.receivedAt, kind: 'status', text: 'Referral received' });
  entries.push({ at: file.case.openedAt, kind: 'status', text: 'Case opened' });
  for (const change of file.statusChanges) {
    const text =
      change.toStatus === 'closed'
        ? `Case closed: ${outcomeLabel ?? humanise(change.outcome ?? 'no outcome')}`
        : change.fromStatus === 'closed'
          ? 'Case reopened'
          : `Status changed from ${humanise(change.fromStatus).toLowerCase()} to ${humanise(change.toStatus).toLowerCase()}`;
    entries.push({ at: change.changedAt, kind: 'status', text });
  }
  // Status moves already say "closed"; other milestones are what the contract's clocks count.
  for (const m of file.milestones.filter((m) => m.milestone !== 'case.closed' && m.milestone !== 'case.opened' && m.milestone !== 'referral.received')) {
    entries.push({
      at: m.occurredAt,
      kind: m.milestone.endsWith('.held') ? 'session' : 'milestone',
      text: MILESTONES[m.milestone] ?? humanise(m.milestone.replace('.', ' ')),
    });
  }
  for (const c of file.communications) {
    const channel = CHANNELS[c.channel] ?? humanise(c.channel);
    const verb = c.direction.startsWith('in') ? 'received' : channel === 'Phone call' ? 'made' : 'sent';
    entries.push({ at: c.occurredAt, kind: 'communication', text: `${channel} ${verb}${c.subject ? `: ${c.subject}` : ''}` });
  }
  for (const cert of file.certificates)
    entries.push({ at: cert.issuedAt, kind: 'milestone', text: `Mediation certificate issued (${CERTIFICATES[cert.kind] ?? cert.kind})` });
  // Who agreed the pause explains the gap in the clocks to the referrer; the reason stays in the case file, as notes do.
  for (const p of file.pauses) {
    entries.push({ at: p.pausedAt, kind: 'pause', text: `Clocks paused (agreed with ${p.agreedWith})` });
    if (p.resumedAt) entries.push({ at: p.resumedAt, kind: 'pause', text: 'Clocks resumed' });
  }
  return entries;
}
