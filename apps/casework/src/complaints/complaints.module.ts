import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { PartiesModule } from '../parties/parties.module';
import { AcknowledgeComplaintUseCase } from './acknowledge-complaint.use-case';
import { ComplaintRepository } from './complaint.repository';
import { ComplaintRpcController } from './complaint.rpc-controller';
import { ListComplaintsUseCase } from './list-complaints.use-case';
import { ListProviderComplaintsUseCase } from './list-provider-complaints.use-case';
import { ReceiveComplaintUseCase } from './receive-complaint.use-case';
import { ResolveComplaintUseCase } from './resolve-complaint.use-case';

/** Complaints about the service a case received, with their due dates. */
@Module({
  imports: [CasesModule, PartiesModule],
  controllers: [ComplaintRpcController],
  providers: [
    ComplaintRepository,
    ReceiveComplaintUseCase,
    AcknowledgeComplaintUseCase,
    ResolveComplaintUseCase,
    ListComplaintsUseCase,
    ListProviderComplaintsUseCase,
  ],
  exports: [ComplaintRepository],
})
export class ComplaintsModule {}
