import { Module } from '@nestjs/common';
import { CaseSessionsController } from './case-sessions.controller';
import { ContractActivitiesController } from './contract-activities.controller';
import { SessionsByIdController } from './sessions-by-id.controller';

@Module({ controllers: [CaseSessionsController, SessionsByIdController, ContractActivitiesController] })
export class CaseSessionsModule {}
