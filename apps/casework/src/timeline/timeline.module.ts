import { Module } from '@nestjs/common';
import { AssignmentsModule } from '../assignments/assignments.module';
import { CasesModule } from '../cases/cases.module';
import { CertificatesModule } from '../certificates/certificates.module';
import { CommunicationsModule } from '../communications/communications.module';
import { ComplaintsModule } from '../complaints/complaints.module';
import { MilestonesModule } from '../milestones/milestones.module';
import { NotesModule } from '../notes/notes.module';
import { PausesModule } from '../pauses/pauses.module';
import { RiskModule } from '../risk/risk.module';
import { TasksModule } from '../tasks/tasks.module';
import { CaseTimeline } from './case-timeline';
import { GetCaseTimelineUseCase } from './get-case-timeline.use-case';
import { TimelineRpcController } from './timeline.rpc-controller';

/** A case's timeline: everything recorded on it, oldest first. */
@Module({
  imports: [
    CasesModule,
    AssignmentsModule,
    CertificatesModule,
    CommunicationsModule,
    ComplaintsModule,
    MilestonesModule,
    NotesModule,
    PausesModule,
    RiskModule,
    TasksModule,
  ],
  controllers: [TimelineRpcController],
  providers: [CaseTimeline, GetCaseTimelineUseCase],
})
export class TimelineModule {}
