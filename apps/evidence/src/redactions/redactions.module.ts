import { Module } from '@nestjs/common';
import { GrantGuard } from '../grants/grant.guard';
import { ItemsModule } from '../items/items.module';
import { RedactEvidenceUseCase } from './redact-evidence.use-case';
import { RedactionHttpController } from './redaction.http-controller';

/** Redacted copies of PDF exhibits, linked to their originals. */
@Module({
  imports: [ItemsModule],
  controllers: [RedactionHttpController],
  providers: [RedactEvidenceUseCase, GrantGuard],
})
export class RedactionsModule {}
