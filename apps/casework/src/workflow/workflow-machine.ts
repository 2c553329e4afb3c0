import { ProblemError } from '@mediation/platform';
import type { Outcome, Workflow, WorkflowState, WorkflowTransition } from '@mediation/protocol';

export interface TransitionRequest {
  to: string;
  reason?: string;
  outcome?: string;
}

/** What the case has, for the requirements that are about the case rather than the request. */
export interface CaseFacts {
  hasCaseManager: boolean;
  hasCertificate: boolean;
}

export interface PlannedTransition {
  transition: WorkflowTransition;
  from: WorkflowState;
  to: WorkflowState;
  outcome: Outcome | null;
}

export function stateOf(workflow: Workflow, key: string): WorkflowState {
  const found = workflow.states.find((s) => s.key === key);
  // A case whose status the current workflow lacks (e.g. an older version) still shows it as active.
  return found ?? { key, label: key, category: 'active' };
}

export function allowedFrom(workflow: Workflow, from: string): WorkflowTransition[] {
  return workflow.transitions.filter((t) => t.from === from);
}

/**
 * Checks one move against the line's workflow and returns what it means, or throws the problem a
 * person can act on: 409 naming the allowed moves, 400 naming the missing field, 409 naming the
 * missing case fact (a case manager, a certificate).
 */
export function planTransition(workflow: Workflow, outcomes: Outcome[], from: string, request: TransitionRequest, facts: CaseFacts): PlannedTransition {
  const allowed = allowedFrom(workflow, from);
  const transition = allowed.find((t) => t.to === request.to);
  if (!transition) {
    const names = allowed.map((t) => t.to).join(', ') || 'none (the case is in a final status)';
    throw ProblemError.conflict(`A case cannot move from "${from}" to "${request.to}". From "${from}" the workflow allows: ${names}.`);
  }
  let outcome: Outcome | null = null;
  for (const need of transition.requires) {
    if (need === 'reason' && !request.reason)
      throw ProblemError.validation([{ field: 'reason', message: `is required to move to "${transition.to}"`, code: 'required' }]);
    if (need === 'outcome') {
      outcome = outcomes.find((o) => o.key === request.outcome) ?? null;
      const keys = outcomes.map((o) => o.key).join(', ');
      if (!request.outcome) throw ProblemError.validation([{ field: 'outcome', message: `is required to close; one of: ${keys}`, code: 'required' }]);
      if (!outcome)
        throw ProblemError.validation([
          { field: 'outcome', message: `"${request.outcome}" is not an outcome of this service line; one of: ${keys}`, code: 'unknown_outcome' },
        ]);
    }
    if (need === 'case-manager' && !facts.hasCaseManager)
      throw ProblemError.conflict(`Assign a case manager before moving to "${transition.to}" (POST /v1/cases/{id}/assignments with role case-manager).`);
    if (need === 'certificate' && !facts.hasCertificate)
      throw ProblemError.conflict(`Issue the mediation certificate before moving to "${transition.to}" (POST /v1/cases/{id}/certificates).`);
  }
  if (request.outcome && !transition.requires.includes('outcome'))
    throw ProblemError.validation([{ field: 'outcome', message: `is only given when closing, not when moving to "${transition.to}"`, code: 'unexpected' }]);
  return { transition, from: stateOf(workflow, from), to: stateOf(workflow, transition.to), outcome };
}

/** The move that closes a case from where it is (close route), or a 409 naming the allowed moves. */
export function closingTarget(workflow: Workflow, from: string): string {
  const closing = allowedFrom(workflow, from).find((t) => stateOf(workflow, t.to).category === 'closed');
  if (!closing) {
    const names =
      allowedFrom(workflow, from)
        .map((t) => t.to)
        .join(', ') || 'none';
    throw ProblemError.conflict(`A case in "${from}" cannot be closed. From "${from}" the workflow allows: ${names}.`);
  }
  return closing.to;
}

/** The move that reopens a case from where it is (reopen route), or a 409. */
export function reopeningTarget(workflow: Workflow, from: string): string {
  const reopening = allowedFrom(workflow, from).find((t) => t.reopens);
  if (!reopening) throw ProblemError.conflict(`Only a closed case can be reopened; this case is "${from}".`);
  return reopening.to;
}
