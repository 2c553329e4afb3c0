import { Module } from '@nestjs/common';
import { CustodyRepository } from '../custody/custody.repository';
import { AddVersionUseCase } from './add-version.use-case';
import { GetCustodyUseCase } from '../custody/get-custody.use-case';
import { GrantGuard } from '../grants/grant.guard';
import { EvidenceHttpController } from './evidence.http-controller';
import { EvidenceRepository } from './evidence.repository';
import { EvidenceRpcController } from './evidence.rpc-controller';
import { GetEvidenceUseCase } from './get-evidence.use-case';
import { ListCaseEvidenceUseCase } from './list-case-evidence.use-case';
import { LocateEvidenceUseCase } from './locate-evidence.use-case';
import { ReadEvidenceContentUseCase } from './read-evidence-content.use-case';
import { StoreIncomingFile } from './store-incoming-file';
import { UploadEvidenceUseCase } from './upload-evidence.use-case';
import { VerifiedReader } from './verified-reader';

/** Exhibits: upload, metadata, verified reads, and their chain of custody. */
@Module({
  controllers: [EvidenceHttpController, EvidenceRpcController],
  providers: [
    EvidenceRepository,
    CustodyRepository,
    StoreIncomingFile,
    VerifiedReader,
    GrantGuard,
    UploadEvidenceUseCase,
    GetEvidenceUseCase,
    ListCaseEvidenceUseCase,
    ReadEvidenceContentUseCase,
    GetCustodyUseCase,
    LocateEvidenceUseCase,
    AddVersionUseCase,
  ],
  exports: [EvidenceRepository, CustodyRepository, VerifiedReader, StoreIncomingFile, UploadEvidenceUseCase],
})
export class ItemsModule {}
