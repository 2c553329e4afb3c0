import { Injectable } from '@nestjs/common';
import { Clock } from '@mediation/platform';
import type { CaseContext, MediatorCandidates, MediatorCandidatesQuery, RpcMeta, WeeklyAvailability } from '@mediation/protocol';
import { SchedulingDatabase } from '../database/scheduling.database';
import { SessionRepository } from '../sessions/session.repository';
import { CaseLineReader } from '../staff/case-line.reader';
import { eligibilityFacts, eligibilityWarnings, ineligibility } from '../staff/staff-eligibility';
import { StaffLineRules } from '../staff/staff-line-rules';
import { fromDateColumn, StaffRepository } from '../staff/staff.repository';
import { scoreCandidate } from './candidate-score';
import { CaseloadRepository } from './caseload.repository';
import { freeHours } from './free-time';

/**
 * Ranks the organisation's staff for a case. The hard rules booking also applies exclude, with the
 * reason shown (not on the case's service line, inactive, an expired accreditation or one the line
 * requires, pay below a required London Living Wage, a declared conflict of interest), and so does a
 * full caseload; a check running out within 30 days or a coming wage rise is a warning. The rest are scored on skills, language,
 * availability in the window and room in their caseload.
 */
@Injectable()
export class RankMediatorsUseCase {
  constructor(
    private readonly db: SchedulingDatabase,
    private readonly staff: StaffRepository,
    private readonly sessions: SessionRepository,
    private readonly caseload: CaseloadRepository,
    private readonly caseLines: CaseLineReader,
    private readonly rules: StaffLineRules,
    private readonly clock: Clock,
  ) {}

  execute(meta: RpcMeta, context: CaseContext, query: MediatorCandidatesQuery): Promise<MediatorCandidates> {
    return this.db.forTenant(meta, async (tx) => {
      const { line, ...at } = await this.caseLines.read(tx, meta, context);
      const from = this.clock.now();
      const to = new Date(from.getTime() + query.days * 86_400_000);
      const today = this.rules.today();
      const people = await this.staff.list(tx, meta.organisationId);
      const ids = people.map((p) => p.id);
      const active = await this.caseload.activeCases(tx, meta.organisationId, ids);
      const busy = await this.sessions.busyIntervals(tx, meta.organisationId, ids, from, to);

      const result: MediatorCandidates = {
        caseId: context.caseId,
        window: { from: from.toISOString(), to: to.toISOString() },
        wanted: { language: query.language ?? null, skills: query.skills ?? [] },
        candidates: [],
        excluded: [],
      };
      const engagement = { caseId: context.caseId, contractId: at.contractId, line, parties: query.parties ?? [], today, through: today, payOn: today };
      for (const person of people) {
        const facts = eligibilityFacts(person);
        const cases = active.get(person.id) ?? 0;
        const reasons = [
          ...ineligibility(facts, engagement).map((r) => r.message),
          ...(cases >= person.maxCaseload ? [`caseload full (${cases} of ${person.maxCaseload} cases)`] : []),
        ];
        if (reasons.length > 0) {
          result.excluded.push({ staffId: person.id, name: person.name, reasons });
          continue;
        }
        const exceptions = person.availabilityExceptions.map((e) => ({
          date: fromDateColumn(e.date),
          kind: e.kind as 'off' | 'extra',
          start: e.startTime,
          end: e.endTime,
        }));
        const hours = freeHours(
          person.weeklyAvailability as WeeklyAvailability,
          exceptions,
          busy.filter((b) => b.resourceId === person.id).map((b) => ({ start: b.startsAt.getTime(), end: b.endsAt.getTime() })),
          from,
          to,
        );
        const { score, breakdown } = scoreCandidate(
          { skills: person.skills, languages: person.languages, freeHours: hours, activeCases: cases, maxCaseload: person.maxCaseload },
          { skills: query.skills ?? [], language: query.language },
        );
        const expiries = facts.accreditations
          .map((a) => a.expiresOn)
          .filter((d): d is string => d !== null)
          .sort();
        const warnings = eligibilityWarnings(facts, engagement);
        result.candidates.push({
          staffId: person.id,
          name: person.name,
          score,
          breakdown,
          freeHours: hours,
          caseload: { active: cases, max: person.maxCaseload },
          nextAccreditationExpiry: expiries[0] ?? null,
          warnings,
        });
      }
      result.candidates.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
      return result;
    });
  }
}
