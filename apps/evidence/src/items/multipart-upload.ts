import busboy from 'busboy';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { ProblemError } from '@mediation/platform';
import { PROBLEM_TYPES } from '@mediation/protocol';
import { tooLarge } from './evidence-problems';
import type { StoredFile } from './store-incoming-file';

/** Room for the form fields and part headers around the file itself. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

export interface ReceivedUpload {
  fields: Record<string, string>;
  file: StoredFile;
}

/**
 * Reads a multipart/form-data request with one file (in the field `file`) and text fields, handing the
 * file's stream to `store` as it arrives (busboy applies back-pressure, so the request is read no faster
 * than the store writes). A file over `maxBytes` is discarded and answered 413.
 */
export function receiveUpload(
  req: IncomingMessage,
  maxBytes: number,
  store: (file: Readable, fileName: string) => Promise<StoredFile>,
  discard: (file: StoredFile) => Promise<void>,
): Promise<ReceivedUpload> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes + FORM_OVERHEAD_BYTES) return reject(tooLarge(maxBytes));
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { fileSize: maxBytes, files: 1, fields: 20, fieldSize: 10_000 } });
    } catch {
      return reject(
        new ProblemError({
          type: PROBLEM_TYPES.unsupportedMediaType,
          title: 'Unsupported media type',
          status: 415,
          detail: 'Evidence is uploaded as multipart/form-data: the file in the field `file`, its metadata in the other fields.',
          errors: [{ field: 'Content-Type', message: 'must be multipart/form-data', code: 'unsupported_media_type' }],
        }),
      );
    }
    const fields: Record<string, string> = {};
    let storing: Promise<StoredFile> | undefined;
    let truncated = false;
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      reject(error);
    };
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || storing) {
        stream.resume();
        return fail(
          ProblemError.validation([{ field: name, message: 'is not where the file goes: send one file, in the field `file`', code: 'unexpected_file' }]),
        );
      }
      stream.on('limit', () => {
        truncated = true;
      });
      storing = store(stream, info.filename ?? 'file');
      storing.catch(fail);
    });
    parser.on('error', fail);
    parser.on('close', () => {
      if (settled) return;
      if (!storing)
        return fail(ProblemError.validation([{ field: 'file', message: 'is required', code: 'required' }], 'No file was sent; nothing was stored.'));
      storing.then(async (file) => {
        if (settled) return;
        if (truncated) {
          await discard(file).catch(() => undefined);
          return fail(tooLarge(maxBytes));
        }
        settled = true;
        resolve({ fields, file });
      }, fail);
    });
    req.pipe(parser);
  });
}
