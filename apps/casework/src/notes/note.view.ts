import { NoteViewSchema, type NoteView } from '@mediation/protocol';
import type { NoteRecord } from './note.repository';

export function toNoteView(row: NoteRecord): NoteView {
  return NoteViewSchema.parse({ ...row, createdAt: row.createdAt.toISOString() });
}
