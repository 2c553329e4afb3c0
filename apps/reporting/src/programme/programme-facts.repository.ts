import { Inject, Injectable, Optional } from '@nestjs/common';
import { FACTS_SCHEMA } from '../facts/kpi-facts.repository';
import type { ReportingTx } from '../database/reporting.database';

/**
 * Writes the programme's facts (activities, local authorities, data returns): idempotent upserts, so a
 * repeated event changes nothing and events of different types may arrive in any order.
 */
@Injectable()
export class ProgrammeFactsRepository {
  /** The schema the facts are written to: `reporting`, or the rebuild's fresh tables until they are swapped in. */
  constructor(@Optional() @Inject(FACTS_SCHEMA) private readonly schema: string = 'reporting') {}

  async activity(
    tx: ReportingTx,
    f: {
      organisationId: string;
      activityId: string;
      contractId: string;
      serviceLine: string;
      activityType: string;
      milestone: string | null;
      deliveredAt: string;
      authorityKey: string;
      totalAttendees: number;
      attendance: { attendeeType: string; count: number }[];
    },
  ): Promise<void> {
    await tx.$executeRawUnsafe(
      `INSERT INTO ${this.schema}.kpi_activity (activity_id, organisation_id, contract_id, service_line, activity_type, milestone, delivered_at, authority_key, total_attendees, attendance)
      VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5, $6, $7::timestamptz, $8, $9, $10::jsonb)
      ON CONFLICT (activity_id) DO NOTHING`,
      f.activityId,
      f.organisationId,
      f.contractId,
      f.serviceLine,
      f.activityType,
      f.milestone,
      f.deliveredAt,
      f.authorityKey,
      f.totalAttendees,
      JSON.stringify(f.attendance),
    );
  }

  async localAuthority(
    tx: ReportingTx,
    f: { organisationId: string; localAuthorityId: string; contractId: string; authorityKey: string; name: string; onboardedOn: string },
  ): Promise<void> {
    await tx.$executeRawUnsafe(
      `INSERT INTO ${this.schema}.kpi_local_authority (local_authority_id, organisation_id, contract_id, authority_key, name, onboarded_on)
      VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5, $6::date)
      ON CONFLICT (local_authority_id) DO NOTHING`,
      f.localAuthorityId,
      f.organisationId,
      f.contractId,
      f.authorityKey,
      f.name,
      f.onboardedOn,
    );
  }

  /** Received (whatever arrived before): the return has its day and lateness. */
  async dataReturnReceived(tx: ReportingTx, f: DataReturnRef & { receivedOn: string; late: boolean }): Promise<void> {
    await tx.$executeRawUnsafe(
      `INSERT INTO ${this.schema}.kpi_data_return (local_authority_id, period, organisation_id, contract_id, authority_key, due_on, received_on, late)
      VALUES ($1::uuid, $2, $3::uuid, $4::uuid, $5, $6::date, $7::date, $8)
      ON CONFLICT (local_authority_id, period) DO UPDATE SET received_on = EXCLUDED.received_on, late = EXCLUDED.late`,
      f.localAuthorityId,
      f.period,
      f.organisationId,
      f.contractId,
      f.authorityKey,
      f.dueOn,
      f.receivedOn,
      f.late,
    );
  }

  /** Found missing: kept even when the return arrives later (it then reads late). */
  async dataReturnMissing(tx: ReportingTx, f: DataReturnRef & { missingAt: string }): Promise<void> {
    await tx.$executeRawUnsafe(
      `INSERT INTO ${this.schema}.kpi_data_return (local_authority_id, period, organisation_id, contract_id, authority_key, due_on, missing_at)
      VALUES ($1::uuid, $2, $3::uuid, $4::uuid, $5, $6::date, $7::timestamptz)
      ON CONFLICT (local_authority_id, period) DO UPDATE SET missing_at = EXCLUDED.missing_at`,
      f.localAuthorityId,
      f.period,
      f.organisationId,
      f.contractId,
      f.authorityKey,
      f.dueOn,
      f.missingAt,
    );
  }
}

export interface DataReturnRef {
  organisationId: string;
  localAuthorityId: string;
  contractId: string;
  authorityKey: string;
  period: string;
  dueOn: string;
}
