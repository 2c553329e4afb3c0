import { Module } from '@nestjs/common';
import { ComposeSubjectAccessUseCase } from './compose-subject-access.use-case';
import { SubjectAccessController } from './subject-access.controller';

@Module({
  controllers: [SubjectAccessController],
  providers: [ComposeSubjectAccessUseCase],
})
export class SubjectAccessModule {}
