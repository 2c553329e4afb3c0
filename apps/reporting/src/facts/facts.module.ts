import { Module } from '@nestjs/common';
import { FACT_HANDLERS } from './facts.handlers';
import { KpiFactsRepository } from './kpi-facts.repository';
import { RecordFactUseCase } from './record-fact.use-case';

/** The KPI read model's writers: one handler per event type, each recording one fact. */
@Module({ providers: [KpiFactsRepository, RecordFactUseCase, ...FACT_HANDLERS] })
export class FactsModule {}
