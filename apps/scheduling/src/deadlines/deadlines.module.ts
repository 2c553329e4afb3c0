import { Module } from '@nestjs/common';
import { CaseOpenedHandler } from './case-opened.handler';
import { DeadlineAlarm } from './deadline-alarm';
import { DeadlineProcessor } from './deadline.processor';
import { DeadlineRepository } from './deadline.repository';
import { DeadlineRpcController } from './deadline.rpc-controller';
import { FireDeadlineUseCase } from './fire-deadline.use-case';
import { ListCaseDeadlinesUseCase } from './list-case-deadlines.use-case';
import { SetDeadlinesUseCase } from './set-deadlines.use-case';
import { SweepDeadlinesUseCase } from './sweep-deadlines.use-case';

@Module({
  controllers: [DeadlineRpcController],
  providers: [DeadlineRepository, DeadlineAlarm, SetDeadlinesUseCase, FireDeadlineUseCase, SweepDeadlinesUseCase, ListCaseDeadlinesUseCase, CaseOpenedHandler, DeadlineProcessor],
})
export class DeadlinesModule {}
