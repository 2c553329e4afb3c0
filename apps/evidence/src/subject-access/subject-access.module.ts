import { Module } from '@nestjs/common';
import { ItemsModule } from '../items/items.module';
import { ExportPersonEvidenceUseCase } from './export-person.use-case';
import { SubjectAccessRpcController } from './subject-access.rpc-controller';

/** The evidence part of a subject-access export. */
@Module({
  imports: [ItemsModule],
  controllers: [SubjectAccessRpcController],
  providers: [ExportPersonEvidenceUseCase],
})
export class SubjectAccessModule {}
