import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { EmailSurveyLinkUseCase } from './email-survey-link.use-case';
import { SurveyIssuedHandler } from './survey-issued.handler';

@Module({
  imports: [DeliveriesModule],
  providers: [EmailSurveyLinkUseCase, SurveyIssuedHandler],
})
export class SurveyEmailsModule {}
