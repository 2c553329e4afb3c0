import { Module } from '@nestjs/common';
import { ReferralsModule } from '../referrals/referrals.module';
import { ExportPersonUseCase } from './export-person.use-case';
import { SubjectAccessRpcController } from './subject-access.rpc-controller';

@Module({
  imports: [ReferralsModule],
  controllers: [SubjectAccessRpcController],
  providers: [ExportPersonUseCase],
})
export class SubjectAccessModule {}
