import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CasePauseEvents } from './case-pause-events';
import { CasePauseRepository } from './case-pause.repository';
import { CasePauseRpcController } from './case-pause.rpc-controller';
import { PauseCaseClocksUseCase } from './pause-case-clocks.use-case';
import { ResumeCaseClocksUseCase } from './resume-case-clocks.use-case';

/** Pausing and resuming a case's clocks. */
@Module({
  imports: [CasesModule],
  controllers: [CasePauseRpcController],
  providers: [CasePauseRepository, CasePauseEvents, PauseCaseClocksUseCase, ResumeCaseClocksUseCase],
  exports: [CasePauseRepository, CasePauseEvents],
})
export class PausesModule {}
