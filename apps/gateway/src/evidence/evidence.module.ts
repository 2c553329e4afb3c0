import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { UsersModule } from '../users/users.module';
import { ActorNames } from './actor-names';
import { EvidenceController } from './evidence.controller';
import { EvidenceFilesClient } from './evidence-files.client';
import { EvidenceNeedToKnowGuard } from './evidence-need-to-know.guard';

/** The public face of the evidence service: metadata over NATS, files streamed to its internal port. */
@Module({
  imports: [OrganisationsModule, UsersModule],
  controllers: [EvidenceController],
  providers: [EvidenceFilesClient, EvidenceNeedToKnowGuard, ActorNames],
})
export class EvidenceModule {}
