import { Module } from '@nestjs/common';
import { ContractSpendReader } from './contract-spend.reader';
import { LedgerEntryRecordedHandler, LedgerEntryRecordedV2Handler } from './ledger-entry-recorded.handler';
import { SpendRepository } from './spend.repository';

/** Spend beside the KPIs: billing's ledger entries as a read model, added up per period against the budget or cap. */
@Module({ providers: [SpendRepository, LedgerEntryRecordedHandler, LedgerEntryRecordedV2Handler, ContractSpendReader], exports: [ContractSpendReader] })
export class SpendModule {}
