import { Module } from '@nestjs/common';
import { CaseSessionsController } from './case-sessions.controller';
import { ContractActivitiesController } from './contract-activities.controller';
import { ContractLocalAuthoritiesController } from './contract-local-authorities.controller';
import { SessionsByIdController } from './sessions-by-id.controller';

@Module({ controllers: [CaseSessionsController, SessionsByIdController, ContractActivitiesController, ContractLocalAuthoritiesController] })
export class CaseSessionsModule {}
