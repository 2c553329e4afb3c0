import { Module } from '@nestjs/common';
import { AssignmentsModule } from '../assignments/assignments.module';
import { CasesModule } from '../cases/cases.module';
import { CertificatesModule } from '../certificates/certificates.module';
import { MilestonesModule } from '../milestones/milestones.module';
import { PartiesModule } from '../parties/parties.module';
import { PausesModule } from '../pauses/pauses.module';
import { CaseOpeningRepository } from './case-opening.repository';
import { CaseTransitioner } from './case-transitioner';
import { CaseViewAssembler } from './case-view.assembler';
import { CaseRpcController } from './case.rpc-controller';
import { ChangeCaseDatesUseCase } from './change-case-dates.use-case';
import { CloseCaseUseCase } from './close-case.use-case';
import { GetCaseUseCase } from './get-case.use-case';
import { ListCasesUseCase } from './list-cases.use-case';
import { OpenCaseUseCase } from './open-case.use-case';
import { ReferralReceivedHandler } from './referral-received.handler';
import { ReopenCaseUseCase } from './reopen-case.use-case';
import { TransitionCaseUseCase } from './transition-case.use-case';

/** A case from its referral to its closure: opened, read, moved along its workflow, closed, reopened, its dates changed. */
@Module({
  imports: [CasesModule, PartiesModule, AssignmentsModule, CertificatesModule, MilestonesModule, PausesModule],
  controllers: [CaseRpcController],
  providers: [
    CaseViewAssembler,
    CaseTransitioner,
    CaseOpeningRepository,
    OpenCaseUseCase,
    ReferralReceivedHandler,
    GetCaseUseCase,
    ListCasesUseCase,
    TransitionCaseUseCase,
    CloseCaseUseCase,
    ReopenCaseUseCase,
    ChangeCaseDatesUseCase,
  ],
})
export class CaseLifeModule {}
