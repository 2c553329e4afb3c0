import { Injectable } from '@nestjs/common';
import type { ReportingTx } from '../database/reporting.database';
import { KpiFactsRepository } from './kpi-facts.repository';

/** The facts the KPI read model keeps, each named after the event that states it. */
export type Fact =
  | { kind: 'case-opened'; data: Parameters<KpiFactsRepository['caseOpened']>[1] }
  | { kind: 'case-closed'; data: Parameters<KpiFactsRepository['caseClosed']>[1] }
  | { kind: 'case-reopened'; data: Parameters<KpiFactsRepository['caseReopened']>[1] }
  | { kind: 'case-ended'; data: Parameters<KpiFactsRepository['caseEnded']>[1] }
  | { kind: 'deadline-due'; data: Parameters<KpiFactsRepository['deadlineDue']>[1] }
  | { kind: 'deadline-met'; data: Parameters<KpiFactsRepository['deadlineMet']>[1] }
  | { kind: 'deadline-breached'; data: Parameters<KpiFactsRepository['deadlineBreached']>[1] }
  | { kind: 'deadline-cancelled'; data: Parameters<KpiFactsRepository['deadlineCancelled']>[1] }
  | { kind: 'deadline-corrected'; data: Parameters<KpiFactsRepository['deadlineCorrected']>[1] }
  | { kind: 'multi-agency'; data: Parameters<KpiFactsRepository['multiAgency']>[1] }
  | { kind: 'milestone'; data: Parameters<KpiFactsRepository['milestone']>[1] }
  | { kind: 'survey-answered'; data: Parameters<KpiFactsRepository['surveyAnswered']>[1] };

/**
 * Records one fact about a case in the KPI read model, inside the consumer's transaction (the inbox row
 * commits with it). Only events feed it: the KPIs can be rebuilt by replaying the stream.
 */
@Injectable()
export class RecordFactUseCase {
  constructor(private readonly facts: KpiFactsRepository) {}

  execute(tx: ReportingTx, fact: Fact): Promise<void> {
    switch (fact.kind) {
      case 'case-opened':
        return this.facts.caseOpened(tx, fact.data);
      case 'case-closed':
        return this.facts.caseClosed(tx, fact.data);
      case 'case-reopened':
        return this.facts.caseReopened(tx, fact.data);
      case 'case-ended':
        return this.facts.caseEnded(tx, fact.data);
      case 'deadline-due':
        return this.facts.deadlineDue(tx, fact.data);
      case 'deadline-met':
        return this.facts.deadlineMet(tx, fact.data);
      case 'deadline-breached':
        return this.facts.deadlineBreached(tx, fact.data);
      case 'deadline-cancelled':
        return this.facts.deadlineCancelled(tx, fact.data);
      case 'deadline-corrected':
        return this.facts.deadlineCorrected(tx, fact.data);
      case 'multi-agency':
        return this.facts.multiAgency(tx, fact.data);
      case 'milestone':
        return this.facts.milestone(tx, fact.data);
      case 'survey-answered':
        return this.facts.surveyAnswered(tx, fact.data);
    }
  }
}
