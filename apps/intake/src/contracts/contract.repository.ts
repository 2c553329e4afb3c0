import { Injectable } from '@nestjs/common';
import type { Contract } from '../generated/prisma/client';
import { IntakeDatabase, type IntakeTx } from '../database/intake.database';

export type ContractRecord = Contract;

@Injectable()
export class ContractRepository {
  constructor(private readonly db: IntakeDatabase) {}

  create(tx: IntakeTx, contract: Omit<ContractRecord, 'createdAt'>): Promise<ContractRecord> {
    return tx.contract.create({ data: contract });
  }

  findById(organisationId: string, id: string, tx: IntakeTx = this.db): Promise<ContractRecord | null> {
    return tx.contract.findFirst({ where: { organisationId, id } });
  }

  findByReference(organisationId: string, reference: string, tx: IntakeTx = this.db): Promise<ContractRecord | null> {
    return tx.contract.findFirst({ where: { organisationId, reference } });
  }

  list(organisationId: string): Promise<ContractRecord[]> {
    return this.db.contract.findMany({ where: { organisationId }, orderBy: { createdAt: 'asc' } });
  }
}
