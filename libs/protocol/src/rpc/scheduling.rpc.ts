import { z } from 'zod';
import { DeadlineListSchema, DeadlinesQuerySchema, ProviderDeadlineListSchema } from '../http/case.schemas';
import {
  BookSessionBodySchema,
  CaseContextSchema,
  CreateVenueBodySchema,
  MediatorCandidatesQuerySchema,
  MediatorCandidatesSchema,
  CaseSessionListSchema,
  CaseSessionViewSchema,
  SessionListSchema,
  SessionsQuerySchema,
  MoveSessionBodySchema,
  VenueListSchema,
  VenueViewSchema,
} from '../http/session-booking.schemas';
import { ActivityViewSchema, RecordActivityBodySchema } from '../http/activity.schemas';
import {
  AddAccreditationBodySchema,
  AvailabilityExceptionBodySchema,
  CreateStaffBodySchema,
  DeclareConflictBodySchema,
  StaffListSchema,
  StaffViewSchema,
  UpdateStaffBodySchema,
} from '../http/staff.schemas';
import { PROGRAMME_RPC } from './programme.rpc';
import { LINE_SETTINGS_RPC } from './line-settings.rpc';
import { defineRpc, NoParamsSchema } from './define-rpc';

/** Scheduling's verbs: what its RPC handlers serve, and what the gateway and the other services call. */
export const SCHEDULING_RPC = {
  ...PROGRAMME_RPC,
  ...LINE_SETTINGS_RPC,
  listCaseDeadlines: defineRpc({
    service: 'scheduling',
    verb: 'list-case-deadlines',
    description: 'The deadlines of one case.',
    request: z.object({ caseId: z.uuid() }),
    response: DeadlineListSchema,
  }),
  listDeadlines: defineRpc({
    service: 'scheduling',
    verb: 'list-deadlines',
    description: 'The provider’s clocks across its cases, breached on an open case or due by an instant, within the caller’s contract scope.',
    request: DeadlinesQuerySchema,
    response: ProviderDeadlineListSchema,
  }),
  createStaff: defineRpc({
    service: 'scheduling',
    verb: 'create-staff',
    description: 'Add a member of staff (London Living Wage checked per service line).',
    request: CreateStaffBodySchema,
    response: StaffViewSchema,
  }),
  listStaff: defineRpc({
    service: 'scheduling',
    verb: 'list-staff',
    description: 'The staff of the organisation.',
    request: NoParamsSchema,
    response: StaffListSchema,
  }),
  getStaff: defineRpc({
    service: 'scheduling',
    verb: 'get-staff',
    description: 'Read one member of staff; with `ownedByUserId`, only if that account is theirs.',
    request: z.object({ staffId: z.uuid(), ownedByUserId: z.string().optional() }),
    response: StaffViewSchema,
  }),
  updateStaff: defineRpc({
    service: 'scheduling',
    verb: 'update-staff',
    description: 'Change a member of staff.',
    request: z.object({ staffId: z.uuid(), changes: UpdateStaffBodySchema }),
    response: StaffViewSchema,
  }),
  addAccreditation: defineRpc({
    service: 'scheduling',
    verb: 'add-accreditation',
    description: 'Record an accreditation or check.',
    request: z.object({ staffId: z.uuid(), accreditation: AddAccreditationBodySchema }),
    response: StaffViewSchema,
  }),
  addAvailabilityException: defineRpc({
    service: 'scheduling',
    verb: 'add-availability-exception',
    description: 'A day off or an extra slot.',
    request: z.object({ staffId: z.uuid(), exception: AvailabilityExceptionBodySchema }),
    response: StaffViewSchema,
  }),
  declareConflict: defineRpc({
    service: 'scheduling',
    verb: 'declare-conflict',
    description: 'Declare a conflict of interest.',
    request: z.object({ staffId: z.uuid(), conflict: DeclareConflictBodySchema }),
    response: StaffViewSchema,
  }),
  createVenue: defineRpc({
    service: 'scheduling',
    verb: 'create-venue',
    description: 'Add a venue.',
    request: CreateVenueBodySchema,
    response: VenueViewSchema,
  }),
  listVenues: defineRpc({
    service: 'scheduling',
    verb: 'list-venues',
    description: 'The venues of the organisation.',
    request: NoParamsSchema,
    response: VenueListSchema,
  }),
  getVenue: defineRpc({
    service: 'scheduling',
    verb: 'get-venue',
    description: 'Read one venue.',
    request: z.object({ venueId: z.uuid() }),
    response: VenueViewSchema,
  }),
  bookSession: defineRpc({
    service: 'scheduling',
    verb: 'book-session',
    description: 'Book a session on a case (session type, notice rule, the allocation’s staff rules and double booking checked).',
    request: z.object({
      case: CaseContextSchema,
      session: BookSessionBodySchema,
      caseParties: z
        .array(z.string().max(200))
        .max(100)
        .default([])
        .describe('Names of the case’s parties from casework; a staff member’s declared conflict with one blocks the booking.'),
    }),
    response: CaseSessionViewSchema,
  }),
  listCaseSessions: defineRpc({
    service: 'scheduling',
    verb: 'list-case-sessions',
    description: 'The sessions of one case.',
    request: z.object({ caseId: z.uuid() }),
    response: CaseSessionListSchema,
  }),
  listSessions: defineRpc({
    service: 'scheduling',
    verb: 'list-sessions',
    description: 'Sessions across cases in a time range, of one member of staff or one venue when given (a calendar).',
    request: SessionsQuerySchema,
    response: SessionListSchema,
  }),
  getSession: defineRpc({
    service: 'scheduling',
    verb: 'get-session',
    description: 'Read one session.',
    request: z.object({ sessionId: z.uuid() }),
    response: CaseSessionViewSchema,
  }),
  holdSession: defineRpc({
    service: 'scheduling',
    verb: 'hold-session',
    description: 'Record a session as held.',
    request: z.object({ sessionId: z.uuid(), heldAt: z.iso.datetime({ offset: true }).optional() }),
    response: CaseSessionViewSchema,
  }),
  recordActivity: defineRpc({
    service: 'scheduling',
    verb: 'record-activity',
    description: 'Record a programme activity (workshop, drop-in, training, onboarding) delivered under a contract, outside any case.',
    request: z.object({ contractId: z.uuid(), activity: RecordActivityBodySchema }),
    response: ActivityViewSchema,
  }),
  moveSession: defineRpc({
    service: 'scheduling',
    verb: 'move-session',
    description: 'Move a booked session to another time (notice rule, availability and double booking checked again).',
    request: z.object({ sessionId: z.uuid(), move: MoveSessionBodySchema }),
    response: CaseSessionViewSchema,
  }),
  cancelSession: defineRpc({
    service: 'scheduling',
    verb: 'cancel-session',
    description: 'Cancel a booked session.',
    request: z.object({ sessionId: z.uuid(), reason: z.string().min(1) }),
    response: CaseSessionViewSchema,
  }),
  markSessionDidNotAttend: defineRpc({
    service: 'scheduling',
    verb: 'mark-session-did-not-attend',
    description: 'Record that the parties did not attend.',
    request: z.object({ sessionId: z.uuid(), reason: z.string().min(1) }),
    response: CaseSessionViewSchema,
  }),
  checkAssignment: defineRpc({
    service: 'scheduling',
    verb: 'check-assignment',
    description:
      'Whether a member of staff may be assigned to a case: the hard rules booking applies, judged today; the staff member when they may, else a 409 naming `staffId` with the rule’s code (404 when not a member of staff).',
    request: z.object({
      case: CaseContextSchema,
      staffId: z.uuid(),
      caseParties: z
        .array(z.string().max(200))
        .max(100)
        .default([])
        .describe('Names of the case’s parties from casework; a declared conflict with one blocks.'),
    }),
    response: StaffViewSchema,
  }),
  rankMediators: defineRpc({
    service: 'scheduling',
    verb: 'rank-mediators',
    description: 'Mediators ranked for a case, with those excluded and why.',
    request: z.object({ case: CaseContextSchema, query: MediatorCandidatesQuerySchema }),
    response: MediatorCandidatesSchema,
  }),
} as const;
