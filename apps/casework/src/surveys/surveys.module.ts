import { DynamicModule, Module } from '@nestjs/common';
import { ContactModule } from '../contact/contact.module';
import { AnswerSurveyUseCase } from './answer-survey.use-case';
import { CaseClosedSurveyHandler } from './case-closed.handler';
import { GetSurveyLinkUseCase } from './get-survey-link.use-case';
import { GetSurveyUseCase } from './get-survey.use-case';
import { IssueSurveysUseCase } from './issue-surveys.use-case';
import { ListSurveyResponsesUseCase } from './list-survey-responses.use-case';
import { SurveyRepository } from './survey.repository';
import { SurveyRpcController } from './survey.rpc-controller';
import { SURVEYS_OPTIONS, type SurveysOptions } from './surveys.options';

/** The satisfaction survey: links issued on closure, answered through the gateway's public routes. */
@Module({})
export class SurveysModule {
  static forService(options: SurveysOptions): DynamicModule {
    return {
      module: SurveysModule,
      imports: [ContactModule],
      controllers: [SurveyRpcController],
      providers: [
        { provide: SURVEYS_OPTIONS, useValue: options },
        SurveyRepository,
        IssueSurveysUseCase,
        GetSurveyUseCase,
        AnswerSurveyUseCase,
        ListSurveyResponsesUseCase,
        GetSurveyLinkUseCase,
        CaseClosedSurveyHandler,
      ],
    };
  }
}
