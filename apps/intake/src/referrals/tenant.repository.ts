import { Injectable } from '@nestjs/common';
import { IntakeDatabase } from '../database/intake.database';

/**
 * The organisations intake holds data for, so jobs that cover every tenant (retention, answer sealing)
 * run one tenant at a time under row-level security instead of bypassing it. Read from
 * intake.contract, which holds no personal data and so is outside the policy; every referral belongs
 * to a contract (a foreign key), so no tenant with referrals is missed.
 */
@Injectable()
export class TenantRepository {
  constructor(private readonly db: IntakeDatabase) {}

  async organisationIds(): Promise<string[]> {
    const rows = await this.db.$queryRawUnsafe<{ id: string }[]>(`SELECT DISTINCT organisation_id::text AS id FROM intake.contract ORDER BY 1`);
    return rows.map((r) => r.id);
  }
}
