import { Injectable } from '@nestjs/common';
import { FieldCipher } from '@mediation/platform';
import type { Note } from '../generated/prisma/client';
import type { CaseworkTx } from '../database/casework.database';

export type NoteRecord = Note;

/** The FieldCipher context its sealed text is bound to: every reader and re-sealer must use this one. */
export const noteContext = (noteId: string) => `casework.note:${noteId}`;

/** A sensitive note's body is sealed before it reaches the table and opened only by `open`. */
@Injectable()
export class NoteRepository {
  constructor(private readonly cipher: FieldCipher) {}

  create(tx: CaseworkTx, record: NoteRecord): Promise<NoteRecord> {
    const body = record.sensitive ? this.cipher.encrypt(record.body, noteContext(record.id)) : record.body;
    return tx.note.create({ data: { ...record, body } });
  }

  listForCase(tx: CaseworkTx, caseId: string, includeSensitive: boolean): Promise<NoteRecord[]> {
    return tx.note.findMany({ where: { caseId, ...(includeSensitive ? {} : { sensitive: false }) }, orderBy: { createdAt: 'asc' } });
  }

  /** The note with its body readable; the caller has had a sensitive read audited. */
  open(row: NoteRecord): NoteRecord {
    return row.sensitive ? { ...row, body: this.cipher.decrypt(row.body, noteContext(row.id)) } : row;
  }
}
