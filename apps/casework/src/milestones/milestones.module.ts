import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ListMilestonesUseCase } from './list-milestones.use-case';
import { MilestoneRecorder } from './milestone-recorder';
import { MilestoneRepository } from './milestone.repository';
import { MilestoneRpcController } from './milestone.rpc-controller';
import { RecordHeldSessionUseCase } from './record-held-session.use-case';
import { RecordMilestoneUseCase } from './record-milestone.use-case';
import { SessionHeldHandler } from './session-held.handler';

/** The milestones a case's clocks count from: recorded by staff, by moves and certificates, and from sessions held. */
@Module({
  imports: [CasesModule],
  controllers: [MilestoneRpcController],
  providers: [MilestoneRepository, MilestoneRecorder, RecordMilestoneUseCase, ListMilestonesUseCase, RecordHeldSessionUseCase, SessionHeldHandler],
  exports: [MilestoneRepository, MilestoneRecorder],
})
export class MilestonesModule {}
