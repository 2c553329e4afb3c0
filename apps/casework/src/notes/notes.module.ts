import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { AddNoteUseCase } from './add-note.use-case';
import { ListNotesUseCase } from './list-notes.use-case';
import { NoteRepository } from './note.repository';
import { NoteRpcController } from './note.rpc-controller';

/** Notes on a case, the sensitive ones sealed. */
@Module({
  imports: [CasesModule],
  controllers: [NoteRpcController],
  providers: [NoteRepository, AddNoteUseCase, ListNotesUseCase],
  exports: [NoteRepository],
})
export class NotesModule {}
