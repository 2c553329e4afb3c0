import { z } from 'zod';
import { BasisSchema, KeySchema, LabelSchema, uniqueKeys } from './basis.schema';
import { DomainEventNameSchema } from './deadline-rule.schema';

/** What a case must have, or a request must carry, before a transition is allowed. */
export const WORKFLOW_REQUIREMENTS = ['outcome', 'reason', 'case-manager', 'certificate'] as const;
export const WorkflowRequirementSchema = z
  .enum(WORKFLOW_REQUIREMENTS)
  .describe(
    '`outcome`: an outcome from the service line’s list; `reason`: a reason in words; `case-manager`: a case manager assigned to the case; `certificate`: a certificate issued on the case.',
  );
export type WorkflowRequirement = z.infer<typeof WorkflowRequirementSchema>;

export const WorkflowStateSchema = z
  .object({
    key: KeySchema.describe('The status a case shows, e.g. `contacted`.'),
    label: LabelSchema,
    category: z
      .enum(['active', 'closed', 'ended'])
      .describe(
        '`active`: work goes on; `closed`: closed with an outcome (reporting, report and survey follow); `ended`: stopped without an outcome (withdrawn, rejected).',
      ),
  })
  .strict()
  .describe('A status a case can be in.');
export type WorkflowState = z.infer<typeof WorkflowStateSchema>;

export const WorkflowTransitionSchema = z
  .object({
    from: KeySchema.describe('The status the case is in.'),
    to: KeySchema.describe('The status it moves to.'),
    requires: z.array(WorkflowRequirementSchema).max(4).default([]).describe('What must be there first; a transition missing one is refused naming it.'),
    emits: DomainEventNameSchema.optional().describe('The milestone the transition reaches, e.g. `contact.made` (deadline rules stop on it).'),
    reopens: z.boolean().default(false).describe('Leaves a closed status: the case is reopened (counted when within 12 months of the closure).'),
    basis: BasisSchema.optional(),
  })
  .strict()
  .describe('A move a case may make.');
export type WorkflowTransition = z.infer<typeof WorkflowTransitionSchema>;

export const WorkflowSchema = z
  .object({
    initial: KeySchema.default('referred').describe('The status a case opens in.'),
    states: z
      .array(WorkflowStateSchema)
      .min(2)
      .max(30)
      .superRefine(uniqueKeys<{ key: string }>((s) => s.key, 'state'))
      .describe('The statuses.'),
    transitions: z.array(WorkflowTransitionSchema).min(1).max(100).describe('The moves allowed; any other is refused with 409 naming the allowed ones.'),
  })
  .strict()
  .superRefine((workflow, ctx) => {
    const states = new Map(workflow.states.map((s) => [s.key, s]));
    if (!states.has(workflow.initial)) ctx.addIssue({ code: 'custom', path: ['initial'], message: `no state "${workflow.initial}"` });
    const seen = new Set<string>();
    workflow.transitions.forEach((t, index) => {
      for (const end of ['from', 'to'] as const) {
        if (!states.has(t[end])) ctx.addIssue({ code: 'custom', path: ['transitions', index, end], message: `no state "${t[end]}"` });
      }
      if (seen.has(`${t.from}>${t.to}`)) ctx.addIssue({ code: 'custom', path: ['transitions', index], message: `${t.from} -> ${t.to} appears more than once` });
      seen.add(`${t.from}>${t.to}`);
      if (states.get(t.to)?.category === 'closed' && !t.requires.includes('outcome'))
        ctx.addIssue({ code: 'custom', path: ['transitions', index, 'requires'], message: 'closing needs `outcome`' });
      if (t.reopens && states.get(t.from)?.category !== 'closed')
        ctx.addIssue({ code: 'custom', path: ['transitions', index, 'reopens'], message: 'only a move out of a closed state reopens' });
    });
  })
  .describe('The life of a case as data: its statuses, the moves between them, what each move needs and which milestone it reaches.');
export type Workflow = z.infer<typeof WorkflowSchema>;
export type WorkflowInput = z.input<typeof WorkflowSchema>;

const state = (key: string, label: string, category: WorkflowState['category'] = 'active'): WorkflowState => ({ key, label, category });

/** The states most lines share; templates add or drop some. */
export const STANDARD_STATES = {
  referred: state('referred', 'Referred'),
  accepted: state('accepted', 'Accepted'),
  contacted: state('contacted', 'Parties contacted'),
  inProgress: state('in-progress', 'In progress'),
  closed: state('closed', 'Closed', 'closed'),
  withdrawn: state('withdrawn', 'Withdrawn', 'ended'),
  rejected: state('rejected', 'Rejected', 'ended'),
} as const;

/**
 * The standard life of a case: referred -> accepted -> contacted -> in-progress -> closed, closed ->
 * in-progress when reopened, withdrawn by the parties or rejected as unsuitable on the way.
 */
export const STANDARD_WORKFLOW: WorkflowInput = {
  initial: 'referred',
  states: Object.values(STANDARD_STATES),
  transitions: [
    { from: 'referred', to: 'accepted', requires: ['case-manager'] },
    { from: 'referred', to: 'rejected', requires: ['reason'] },
    { from: 'accepted', to: 'contacted', emits: 'contact.made' },
    { from: 'contacted', to: 'in-progress' },
    { from: 'contacted', to: 'closed', requires: ['outcome'], emits: 'case.closed' },
    { from: 'in-progress', to: 'closed', requires: ['outcome'], emits: 'case.closed' },
    { from: 'accepted', to: 'withdrawn', requires: ['reason'] },
    { from: 'contacted', to: 'withdrawn', requires: ['reason'] },
    { from: 'in-progress', to: 'withdrawn', requires: ['reason'] },
    { from: 'closed', to: 'in-progress', requires: ['reason'], reopens: true },
  ],
};

/** A line without its own workflow runs the standard one. */
export function workflowOf(line: { workflow?: Workflow }): Workflow {
  return line.workflow ?? WorkflowSchema.parse(STANDARD_WORKFLOW);
}
