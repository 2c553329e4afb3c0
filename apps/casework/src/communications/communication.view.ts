import { CommunicationViewSchema, type CommunicationView } from '@mediation/protocol';
import type { CommunicationRecord } from './communication.repository';

export function toCommunicationView(row: CommunicationRecord): CommunicationView {
  return CommunicationViewSchema.parse({ ...row, occurredAt: row.occurredAt.toISOString(), recordedAt: row.recordedAt.toISOString() });
}
