import { Module } from '@nestjs/common';
import { CaseSessionsController } from './case-sessions.controller';
import { ContractActivitiesController } from './contract-activities.controller';
import { ContractLineRemindersController } from './contract-line-reminders.controller';
import { ContractLocalAuthoritiesController } from './contract-local-authorities.controller';
import { SessionsByIdController } from './sessions-by-id.controller';

@Module({
  controllers: [
    CaseSessionsController,
    SessionsByIdController,
    ContractActivitiesController,
    ContractLocalAuthoritiesController,
    ContractLineRemindersController,
  ],
})
export class CaseSessionsModule {}
