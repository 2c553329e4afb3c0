import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { AddNoteUseCase } from './add-note.use-case';
import { ListNotesUseCase } from './list-notes.use-case';

/** Notes on a case, the sensitive ones sealed. */
@Controller()
export class NoteRpcController {
  constructor(
    private readonly addNote: AddNoteUseCase,
    private readonly listNotes: ListNotesUseCase,
  ) {}

  @MessagePattern(Rpc.casework.addNote.subject)
  note(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.addNote, raw);
    return this.addNote.execute(meta, data.caseId, data.note);
  }

  @MessagePattern(Rpc.casework.listNotes.subject)
  notes(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.listNotes, raw);
    return this.listNotes.execute(meta, data.caseId, data.includeSensitive);
  }
}
