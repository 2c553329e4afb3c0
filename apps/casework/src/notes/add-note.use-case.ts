import { Injectable } from '@nestjs/common';
import { Clock } from '@mediation/platform';
import { NoteAddedV1, uuidv7, type AddNoteBody, type NoteView, type RpcMeta } from '@mediation/protocol';
import { CaseFinder } from '../cases/case-finder';
import { CaseRecordEvents } from '../cases/case-record-events';
import { CaseworkDatabase } from '../database/casework.database';
import { NoteRepository } from './note.repository';
import { toNoteView } from './note.view';

@Injectable()
export class AddNoteUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly finder: CaseFinder,
    private readonly recordEvents: CaseRecordEvents,
    private readonly notes: NoteRepository,
    private readonly clock: Clock,
  ) {}

  execute(meta: RpcMeta, caseId: string, body: AddNoteBody): Promise<NoteView> {
    return this.db.forTenant(meta, async (tx) => {
      const c = await this.finder.lockForChange(tx, meta, caseId);
      const record = {
        id: uuidv7(),
        organisationId: c.organisationId,
        caseId: c.id,
        sensitive: body.sensitive,
        body: body.body,
        authorId: meta.actorId,
        createdAt: this.clock.now(),
      };
      await this.notes.create(tx, record);
      await this.recordEvents.append(tx, meta, c, NoteAddedV1, { noteId: record.id, sensitive: record.sensitive, addedAt: record.createdAt.toISOString() });
      // The writer sees what they wrote; the stored copy of a sensitive note is sealed.
      return toNoteView(record);
    });
  }
}
