import { z } from 'zod';
import { LineSessionRemindersBodySchema, LineSessionRemindersViewSchema } from '../http/line-reminders.schemas';
import { defineRpc } from './define-rpc';

const contractId = z.uuid().describe('The contract.');
const serviceLine = z.string().describe('The service line key.');

/** Scheduling's per-line settings kept beside the contract's definition (which rides in a pinned event). */
export const LINE_SETTINGS_RPC = {
  setLineSessionReminders: defineRpc({
    service: 'scheduling',
    verb: 'set-line-session-reminders',
    description: 'Set when the reminders before a service line’s sessions go.',
    request: z.object({ contractId, serviceLine, reminders: LineSessionRemindersBodySchema }),
    response: LineSessionRemindersViewSchema,
  }),
  getLineSessionReminders: defineRpc({
    service: 'scheduling',
    verb: 'get-line-session-reminders',
    description: 'When the reminders before a service line’s sessions go (its own, or the defaults).',
    request: z.object({ contractId, serviceLine }),
    response: LineSessionRemindersViewSchema,
  }),
};
