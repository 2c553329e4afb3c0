import { Module } from '@nestjs/common';
import { AuditEntryRepository } from './audit-entry.repository';
import { AuditInterceptor } from './audit.interceptor';
import { AuditWriter } from './audit-writer';
import { ListAuditEntriesUseCase } from './list-audit-entries.use-case';
import { RecordAuditEntryUseCase } from './record-audit-entry.use-case';
import { SensitiveReadRecorder } from './sensitive-read.recorder';
import { VerifyAuditChainUseCase } from './verify-audit-chain.use-case';

/** The audit trail: recording (the interceptor, the CLI), reading (GET /v1/audit) and verifying the chain. */
@Module({
  providers: [
    AuditEntryRepository,
    RecordAuditEntryUseCase,
    AuditWriter,
    AuditInterceptor,
    SensitiveReadRecorder,
    ListAuditEntriesUseCase,
    VerifyAuditChainUseCase,
  ],
  exports: [RecordAuditEntryUseCase, AuditInterceptor, SensitiveReadRecorder, ListAuditEntriesUseCase, VerifyAuditChainUseCase],
})
export class AuditModule {}
