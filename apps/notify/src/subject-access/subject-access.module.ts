import { Module } from '@nestjs/common';
import { ExportPersonUseCase } from './export-person.use-case';
import { PersonDeliveriesRepository } from './person-deliveries.repository';
import { SubjectAccessRpcController } from './subject-access.rpc-controller';

/** Notify's answer to rpc.notify.export-person, its part of a subject-access export. */
@Module({
  controllers: [SubjectAccessRpcController],
  providers: [PersonDeliveriesRepository, ExportPersonUseCase],
})
export class SubjectAccessModule {}
