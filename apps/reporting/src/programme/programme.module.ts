import { Module } from '@nestjs/common';
import { PROGRAMME_FACT_HANDLERS } from './programme-facts.handlers';
import { ProgrammeFactsReader } from './programme-facts.reader';
import { ProgrammeFactsRepository } from './programme-facts.repository';
import { RecordProgrammeFactUseCase } from './record-programme-fact.use-case';

/** The programme outside cases in the read model: its facts' writers (one handler per event) and their reader for the KPIs and packs. */
@Module({
  providers: [ProgrammeFactsRepository, RecordProgrammeFactUseCase, ProgrammeFactsReader, ...PROGRAMME_FACT_HANDLERS],
  exports: [ProgrammeFactsReader],
})
export class ProgrammeModule {}
