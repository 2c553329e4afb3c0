import { Injectable } from '@nestjs/common';
import type { ContractDefinition } from '@mediation/protocol';
import { ContractRepository } from '../contracts/contract.repository';
import type { ReferralRecord } from './referral.repository';
import type { ReferralForm, ServiceLine } from './referral.types';

type ReferralKey = Pick<ReferralRecord, 'organisationId' | 'contractId' | 'contractVersion' | 'serviceLine'>;

/** The form of the contract version a referral was made under: it says which answers are sensitive. */
@Injectable()
export class ReferralFormLookup {
  constructor(private readonly contracts: ContractRepository) {}

  async formOf(referral: ReferralKey): Promise<ReferralForm | undefined> {
    return (await this.lineOf(referral))?.form;
  }

  /** The service line of that version: its form, and rules such as its retention period. */
  async lineOf(referral: ReferralKey): Promise<ServiceLine | undefined> {
    const version = await this.contracts.findVersion(referral.organisationId, referral.contractId, referral.contractVersion);
    return (version?.definition as ContractDefinition | undefined)?.serviceLines?.find((l) => l.key === referral.serviceLine);
  }

  /**
   * How long the referral's data is kept: its line's `dataRetentionMonths`; a referral rejected as outside
   * the contract's scope has no line of it, so it keeps the longest of the contract's lines (never shorter
   * than any line promises). Null when the contract version is unknown.
   */
  async retentionMonthsOf(referral: ReferralKey): Promise<number | null> {
    const version = await this.contracts.findVersion(referral.organisationId, referral.contractId, referral.contractVersion);
    const lines = (version?.definition as ContractDefinition | undefined)?.serviceLines ?? [];
    const line = lines.find((l) => l.key === referral.serviceLine);
    if (line) return line.dataRetentionMonths;
    return lines.length > 0 ? Math.max(...lines.map((l) => l.dataRetentionMonths)) : null;
  }
}
