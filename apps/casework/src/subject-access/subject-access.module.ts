import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CommunicationsModule } from '../communications/communications.module';
import { ComplaintsModule } from '../complaints/complaints.module';
import { PartiesModule } from '../parties/parties.module';
import { ExportPersonUseCase } from './export-person.use-case';
import { PersonRecordsRepository } from './person-records.repository';
import { SubjectAccessRpcController } from './subject-access.rpc-controller';

/** Everything casework holds about one person, for a subject-access request. */
@Module({
  imports: [CasesModule, PartiesModule, CommunicationsModule, ComplaintsModule],
  controllers: [SubjectAccessRpcController],
  providers: [PersonRecordsRepository, ExportPersonUseCase],
})
export class SubjectAccessModule {}
