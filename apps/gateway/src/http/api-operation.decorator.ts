import { SetMetadata } from '@nestjs/common';
import type { z } from 'zod';

export interface ApiOperationSpec {
  summary: string;
  body?: z.ZodType;
  /** The text fields of a multipart/form-data body that also carries a file in `file` (an upload); such a route takes no JSON. */
  multipart?: z.ZodType;
  /** The query parameters it reads, as one object schema; each becomes a query parameter in OpenAPI. */
  query?: z.ZodType;
  /** No schema for an answer without a body (204); `binary` for a file such as a PDF (its media type). */
  response: { status: number; schema?: z.ZodType; binary?: string };
  /** Path parameters and what they are. */
  params?: Record<string, string>;
  /** Accepts an Idempotency-Key header. */
  idempotent?: boolean;
  /** Another success it may answer, e.g. 200 when an import changed nothing where 201 created. */
  alsoSucceeds?: { status: number; description: string; schema?: z.ZodType };
  /** Problems particular to this route beyond the ones every route may answer, and when: `{ 409: 'the case is closed' }`. */
  problems?: Record<number, string>;
}

export const API_OPERATION = 'mediation:api-operation';

/** Declares a route's contract once; the OpenAPI document is discovered from these. */
export const ApiOperation = (spec: ApiOperationSpec) => SetMetadata(API_OPERATION, spec);
