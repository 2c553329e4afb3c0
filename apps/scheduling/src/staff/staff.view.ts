import { StaffViewSchema, type StaffServiceLine, type StaffView, type WeeklyAvailability } from '@mediation/protocol';
import { accreditationStatus } from './accreditation-status';
import { checkLivingWage } from './london-living-wage';
import { fromDateColumn, type StaffRecord } from './staff.repository';

/** Staff row -> API shape; `livingWageRequired` says, per `contractId/serviceLine`, whether the line requires the LLW. */
export function toStaffView(row: StaffRecord, today: string, livingWageRequired: ReadonlyMap<string, boolean>): StaffView {
  const lines = row.serviceLines as StaffServiceLine[];
  return StaffViewSchema.parse({
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    userId: row.userId,
    serviceLines: lines,
    skills: row.skills,
    languages: row.languages,
    payRatePence: row.payRatePence,
    sessionFeePence: row.sessionFeePence,
    maxCaseload: row.maxCaseload,
    status: row.status,
    weeklyAvailability: row.weeklyAvailability as WeeklyAvailability,
    availabilityExceptions: row.availabilityExceptions
      .filter((e) => fromDateColumn(e.date) >= today)
      .map((e) => ({ id: e.id, date: fromDateColumn(e.date), kind: e.kind, start: e.startTime, end: e.endTime, reason: e.reason })),
    accreditations: row.accreditations.map((a) => {
      const expiresAt = a.expiresOn ? fromDateColumn(a.expiresOn) : null;
      return {
        id: a.id,
        kind: a.kind,
        label: a.label,
        reference: a.reference,
        issuedAt: fromDateColumn(a.issuedOn),
        expiresAt,
        status: accreditationStatus(expiresAt, today),
      };
    }),
    conflicts: row.conflicts.map((c) => ({ id: c.id, partyName: c.partyName, caseId: c.caseId, reason: c.reason, declaredAt: c.declaredAt.toISOString() })),
    livingWage: lines.map((l) => ({
      contractId: l.contractId,
      serviceLine: l.serviceLine,
      ...checkLivingWage(row.payRatePence, livingWageRequired.get(`${l.contractId}/${l.serviceLine}`) ?? false, today),
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  });
}
