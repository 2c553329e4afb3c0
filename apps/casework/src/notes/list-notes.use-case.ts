import { Injectable } from '@nestjs/common';
import type { NoteView, RpcMeta } from '@mediation/protocol';
import { CaseFinder } from '../cases/case-finder';
import { CaseworkDatabase } from '../database/casework.database';
import { NoteRepository } from './note.repository';
import { toNoteView } from './note.view';

/** Sensitive notes only with `includeSensitive`, which the gateway grants after auditing the read. */
@Injectable()
export class ListNotesUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly finder: CaseFinder,
    private readonly notes: NoteRepository,
  ) {}

  execute(meta: RpcMeta, caseId: string, includeSensitive: boolean): Promise<{ items: NoteView[] }> {
    return this.db.forTenant(meta, async (tx) => {
      const c = await this.finder.read(tx, meta, caseId);
      const rows = await this.notes.listForCase(tx, c.id, includeSensitive);
      return { items: rows.map((row) => toNoteView(this.notes.open(row))) };
    });
  }
}
