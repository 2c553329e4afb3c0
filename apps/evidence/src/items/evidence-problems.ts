import { ProblemError } from '@mediation/platform';
import { EVIDENCE_PROBLEM_TYPES } from '@mediation/protocol';

export const tooLarge = (maxBytes: number) =>
  new ProblemError({
    type: EVIDENCE_PROBLEM_TYPES.payloadTooLarge,
    title: 'File too large',
    status: 413,
    detail: `The file is larger than the ${maxBytes} bytes this service accepts (EVIDENCE_MAX_BYTES); nothing was stored.`,
    errors: [{ field: 'file', message: `must be at most ${maxBytes} bytes`, code: 'too_large' }],
  });

export const typeRefused = (detected: string) =>
  new ProblemError({
    type: EVIDENCE_PROBLEM_TYPES.fileTypeRefused,
    title: 'File type not accepted',
    status: 415,
    detail: `The file's bytes are ${detected}, which is not evidence this service keeps (PDF, images, audio, video, office documents, plain text); its name and declared type are not trusted. Nothing was stored.`,
    errors: [{ field: 'file', message: `is ${detected}, not an accepted type`, code: 'type_refused' }],
  });

export const integrityFailed = (exhibitRef: string) =>
  new ProblemError({
    type: EVIDENCE_PROBLEM_TYPES.integrityFailed,
    title: 'Stored file failed its integrity check',
    status: 409,
    detail: `The stored bytes of ${exhibitRef} no longer match the SHA-256 recorded when it was received, so they are not served. The failure is in its custody log and has been raised as an alert.`,
  });
