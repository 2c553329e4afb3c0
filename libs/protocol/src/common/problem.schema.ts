import { z } from 'zod';

/** One field-level error inside a problem: which field, and what is wrong with it. */
export const FieldErrorSchema = z
  .object({
    field: z.string().describe('Path of the offending field, dotted (`parties.0.email`); `(body)` for the whole body.'),
    message: z.string().describe('What is wrong with the field, for a person to read.'),
    code: z.string().optional().describe('Machine-readable reason, e.g. `invalid_type`, `too_small`, `unrecognized_keys`.'),
  })
  .describe('A field-level validation error.');
export type FieldError = z.infer<typeof FieldErrorSchema>;

/** RFC 9457 problem details, the only error shape the API returns. */
export const ProblemSchema = z
  .object({
    type: z.string().describe('A URI reference that identifies the problem type.'),
    title: z.string().describe('A short, human-readable summary of the problem type.'),
    status: z.number().int().describe('The HTTP status code.'),
    detail: z.string().optional().describe('A human-readable explanation specific to this occurrence.'),
    instance: z.string().optional().describe('The request path that produced the problem.'),
    errors: z.array(FieldErrorSchema).optional().describe('Field-level errors, when the problem is invalid input.'),
    correlationId: z.string().optional().describe('Quote this to support: it ties the request to its logs and events.'),
  })
  .describe('RFC 9457 problem details.');
export type Problem = z.infer<typeof ProblemSchema>;

export const PROBLEM_TYPES = {
  validation: 'https://mediation.example/problems/validation',
  malformedJson: 'https://mediation.example/problems/malformed-json',
  unauthenticated: 'https://mediation.example/problems/unauthenticated',
  forbidden: 'https://mediation.example/problems/forbidden',
  notFound: 'https://mediation.example/problems/not-found',
  unknownReference: 'https://mediation.example/problems/unknown-reference',
  methodNotAllowed: 'https://mediation.example/problems/method-not-allowed',
  unsupportedMediaType: 'https://mediation.example/problems/unsupported-media-type',
  conflict: 'https://mediation.example/problems/conflict',
  tooManyRequests: 'https://mediation.example/problems/too-many-requests',
  unavailable: 'https://mediation.example/problems/service-unavailable',
  badGateway: 'https://mediation.example/problems/bad-gateway',
  internal: 'https://mediation.example/problems/internal',
} as const;
