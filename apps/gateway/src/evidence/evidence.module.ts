import { Module } from '@nestjs/common';
import { EvidenceController } from './evidence.controller';
import { EvidenceFilesClient } from './evidence-files.client';
import { EvidenceNeedToKnowGuard } from './evidence-need-to-know.guard';

/** The public face of the evidence service: metadata over NATS, files streamed to its internal port. */
@Module({
  controllers: [EvidenceController],
  providers: [EvidenceFilesClient, EvidenceNeedToKnowGuard],
})
export class EvidenceModule {}
