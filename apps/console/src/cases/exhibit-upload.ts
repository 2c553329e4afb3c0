import busboy from 'busboy';
import type { Request } from 'express';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { GatewayProblem } from '../gateway/gateway.client';

export interface ExhibitUpload {
  /** The form's text fields, all read before the file (the form puts the file last). */
  fields: Record<string, string>;
  file: Readable;
  fileName: string;
  mediaType: string;
}

/**
 * The browser's multipart form, read until its file starts: the text fields are then known (to check the
 * form token and shape the metadata) and the file is still a stream, so it is never held whole here.
 */
export function readExhibitUpload(req: Request): Promise<ExhibitUpload> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    const parser = busboy({ headers: req.headers, limits: { files: 1, fields: 20, fieldSize: 10_000 } });
    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (_name, file, info) => {
      if (!info.filename) {
        file.resume();
        return reject(new GatewayProblem(400, { title: 'Check the form', errors: [{ field: 'file', message: 'Choose the file to add' }] }));
      }
      resolve({ fields, file, fileName: info.filename, mediaType: info.mimeType || 'application/octet-stream' });
    });
    parser.on('error', reject);
    parser.on('close', () => reject(new GatewayProblem(400, { title: 'Check the form', errors: [{ field: 'file', message: 'Choose the file to add' }] })));
    req.pipe(parser);
  });
}

const quoted = (value: string) => value.replace(/["\r\n\\]/g, '_');

/** The metadata and the file as a new multipart/form-data body for the API, streamed: the file's bytes pass through as they arrive. */
export function exhibitBody(metadata: Record<string, string>, upload: ExhibitUpload): { body: Readable; contentType: string } {
  const boundary = `console-${randomBytes(16).toString('hex')}`;
  async function* parts() {
    for (const [name, value] of Object.entries(metadata)) {
      yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${quoted(name)}"\r\n\r\n${value}\r\n`);
    }
    yield Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${quoted(upload.fileName)}"\r\nContent-Type: ${quoted(upload.mediaType)}\r\n\r\n`,
    );
    for await (const chunk of upload.file) yield chunk as Buffer;
    yield Buffer.from(`\r\n--${boundary}--\r\n`);
  }
  return { body: Readable.from(parts()), contentType: `multipart/form-data; boundary=${boundary}` };
}
