import { Injectable } from '@nestjs/common';
import type { TimelineEntry } from '@mediation/protocol';
import { AssignmentRepository } from '../assignments/assignment.repository';
import type { CaseRecord } from '../cases/case.repository';
import { StatusChangeRepository } from '../cases/status-change.repository';
import { CertificateRepository } from '../certificates/certificate.repository';
import { CommunicationRepository } from '../communications/communication.repository';
import { ComplaintRepository } from '../complaints/complaint.repository';
import type { CaseworkTx } from '../database/casework.database';
import { MilestoneRepository } from '../milestones/milestone.repository';
import { NoteRepository } from '../notes/note.repository';
import { CasePauseRepository } from '../pauses/case-pause.repository';
import { RiskAssessmentRepository } from '../risk/risk-assessment.repository';
import { TaskRepository } from '../tasks/task.repository';

const entry = (at: Date, kind: TimelineEntry['kind'], summary: string, refId: string): TimelineEntry => ({ at: at.toISOString(), kind, summary, refId });
const clip = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The read model of everything that happened on a case, oldest first, for the timeline route and the
 * case report. Sensitive notes never appear: the timeline is shown and sent without an audited read.
 */
@Injectable()
export class CaseTimeline {
  constructor(
    private readonly history: StatusChangeRepository,
    private readonly milestones: MilestoneRepository,
    private readonly communications: CommunicationRepository,
    private readonly notes: NoteRepository,
    private readonly tasks: TaskRepository,
    private readonly certificates: CertificateRepository,
    private readonly complaints: ComplaintRepository,
    private readonly assignments: AssignmentRepository,
    private readonly risks: RiskAssessmentRepository,
    private readonly pauses: CasePauseRepository,
  ) {}

  async build(tx: CaseworkTx, c: CaseRecord): Promise<TimelineEntry[]> {
    const entries: TimelineEntry[] = [entry(c.openedAt, 'status', `Case opened from referral ${c.reference}`, c.id)];
    for (const s of await this.history.listForCase(tx, c.id)) {
      const why = [s.outcome && `outcome ${s.outcome}`, s.reason].filter(Boolean).join('; ');
      entries.push(
        entry(s.changedAt, 'status', `${s.fromStatus} -> ${s.toStatus}${s.countsAsReopened ? ' (reopened)' : ''}${why ? `: ${clip(why)}` : ''}`, s.id),
      );
    }
    for (const m of await this.milestones.listForCase(tx, c.id)) entries.push(entry(m.occurredAt, 'milestone', `Milestone ${m.milestone}`, m.id));
    for (const m of await this.communications.listForCase(tx, c.id))
      entries.push(
        entry(
          m.occurredAt,
          'communication',
          `${m.channel} ${m.direction === 'in' ? 'from' : 'to'} ${m.counterpart}${m.subject ? `: ${clip(m.subject)}` : ''}`,
          m.id,
        ),
      );
    for (const n of await this.notes.listForCase(tx, c.id, false)) entries.push(entry(n.createdAt, 'note', clip(n.body), n.id));
    for (const t of await this.tasks.listForCase(tx, c.id)) {
      entries.push(entry(t.createdAt, 'task', `Task: ${clip(t.title)} (due ${day(t.dueOn)})`, t.id));
      if (t.completedAt) entries.push(entry(t.completedAt, 'task-completed', `Task done: ${clip(t.title)}`, t.id));
    }
    for (const k of await this.certificates.listForCase(tx, c.id))
      entries.push(
        entry(
          k.issuedAt,
          'certificate',
          `Mediation certificate issued (${k.kind})${k.supersedesId ? `, replacing an earlier one: ${k.replacementReason ?? ''}` : ''}`,
          k.id,
        ),
      );
    for (const k of await this.complaints.listForCase(tx, c.id)) {
      entries.push(entry(k.receivedAt, 'complaint', `Complaint received from ${k.complainant}`, k.id));
      if (k.acknowledgedAt) entries.push(entry(k.acknowledgedAt, 'complaint', 'Complaint acknowledged', k.id));
      if (k.resolvedAt) entries.push(entry(k.resolvedAt, 'complaint', `Complaint resolved (${k.finding})`, k.id));
    }
    for (const a of await this.assignments.listForCase(tx, c.id)) {
      entries.push(entry(a.assignedAt, 'assignment', `${a.name} assigned as ${a.role}`, a.id));
      if (a.endedAt) entries.push(entry(a.endedAt, 'assignment', `${a.name} came off the case (${a.role})`, a.id));
    }
    for (const r of await this.risks.listForCase(tx, c.id))
      entries.push(entry(r.assessedAt, 'risk', `Risk assessed ${r.level}, review by ${day(r.reviewOn)}`, r.id));
    for (const p of await this.pauses.listForCase(tx, c.id)) {
      entries.push(entry(p.pausedAt, 'pause', `Clocks paused, agreed with ${clip(p.agreedWith, 80)}: ${clip(p.reason)}`, p.id));
      if (p.resumedAt) entries.push(entry(p.resumedAt, 'pause', 'Clocks resumed', p.id));
    }
    return entries.sort((a, b) => a.at.localeCompare(b.at));
  }
}
