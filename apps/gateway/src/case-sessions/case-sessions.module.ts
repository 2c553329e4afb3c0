import { Module } from '@nestjs/common';
import { CaseSessionsController } from './case-sessions.controller';
import { SessionsByIdController } from './sessions-by-id.controller';

@Module({ controllers: [CaseSessionsController, SessionsByIdController] })
export class CaseSessionsModule {}
