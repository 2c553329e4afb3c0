import { Injectable } from '@nestjs/common';
import type { ReportingTx } from '../database/reporting.database';
import type { ProgrammeFacts } from './programme-figures';

/** Reads a contract's programme facts back from the read model, inside the caller's tenant transaction. */
@Injectable()
export class ProgrammeFactsReader {
  async of(tx: ReportingTx, organisationId: string, contractId: string): Promise<ProgrammeFacts> {
    const [activities, authorities, dataReturns] = await Promise.all([
      tx.$queryRaw<
        {
          service_line: string;
          activity_type: string;
          milestone: string | null;
          delivered_at: Date;
          authority_key: string;
          total_attendees: number;
        }[]
      >`SELECT service_line, activity_type, milestone, delivered_at, authority_key, total_attendees FROM reporting.kpi_activity
        WHERE organisation_id = ${organisationId}::uuid AND contract_id = ${contractId}::uuid ORDER BY delivered_at, activity_id`,
      tx.$queryRaw<{ authority_key: string; name: string }[]>`SELECT authority_key, name FROM reporting.kpi_local_authority
        WHERE organisation_id = ${organisationId}::uuid AND contract_id = ${contractId}::uuid ORDER BY name`,
      tx.$queryRaw<{ authority_key: string; period: string; due_on: string; received_on: string | null; late: boolean | null }[]>`
        SELECT authority_key, period, to_char(due_on, 'YYYY-MM-DD') AS due_on, to_char(received_on, 'YYYY-MM-DD') AS received_on, late
        FROM reporting.kpi_data_return WHERE organisation_id = ${organisationId}::uuid AND contract_id = ${contractId}::uuid ORDER BY period, authority_key`,
    ]);
    return {
      authorities: authorities.map((a) => ({ authorityKey: a.authority_key, name: a.name })),
      activities: activities.map((a) => ({
        serviceLine: a.service_line,
        activityType: a.activity_type,
        milestone: a.milestone,
        deliveredAt: a.delivered_at,
        authorityKey: a.authority_key,
        totalAttendees: a.total_attendees,
      })),
      dataReturns: dataReturns.map((r) => ({ authorityKey: r.authority_key, period: r.period, dueOn: r.due_on, receivedOn: r.received_on, late: r.late })),
    };
  }
}
