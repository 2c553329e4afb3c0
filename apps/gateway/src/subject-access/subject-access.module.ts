import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { ComposeSubjectAccessUseCase } from './compose-subject-access.use-case';
import { ExportSubjectAccessPdfUseCase } from './export-subject-access-pdf.use-case';
import { SubjectAccessController } from './subject-access.controller';

@Module({
  imports: [OrganisationsModule],
  controllers: [SubjectAccessController],
  providers: [ComposeSubjectAccessUseCase, ExportSubjectAccessPdfUseCase],
})
export class SubjectAccessModule {}
