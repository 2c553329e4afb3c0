import { SubjectAccessQuerySchema } from '../http/referral.schemas';
import { NotifyPersonExportSchema } from '../http/subject-access.schemas';
import { defineRpc } from './define-rpc';

/** Notify's verbs: what its RPC handlers serve, and what the gateway and the other services call. */
export const NOTIFY_RPC = {
  exportPerson: defineRpc({
    service: 'notify',
    verb: 'export-person',
    description: 'The messages notify sent to one email address, for a subject-access request (asked by name and postcode, it says it was not searched).',
    request: SubjectAccessQuerySchema,
    response: NotifyPersonExportSchema,
  }),
} as const;
