import busboy from 'busboy';
import type { Request } from 'express';
import { Readable } from 'node:stream';
import { GatewayProblem } from '../gateway/gateway.client';
import { exhibitBody, readExhibitUpload } from './exhibit-upload';

/** A multipart body as a browser sends it: text fields first, the file last. */
function browserForm(fields: Record<string, string>, file: { name: string; type: string; bytes: Buffer }): Request {
  const boundary = '----browser1234';
  const parts = [
    ...Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
  ];
  const body = Buffer.concat([Buffer.from(parts.join('')), file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return Object.assign(Readable.from([body]), { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }) as unknown as Request;
}

/** What the evidence service's own parser reads from a body. */
function parse(body: Readable, contentType: string): Promise<{ fields: Record<string, string>; file: Buffer; fileName: string }> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    const chunks: Buffer[] = [];
    let fileName = '';
    const parser = busboy({ headers: { 'content-type': contentType } });
    parser.on('field', (k, v) => (fields[k] = v));
    parser.on('file', (_n, stream, info) => {
      fileName = info.filename ?? '';
      stream.on('data', (c: Buffer) => chunks.push(c));
    });
    parser.on('close', () => resolve({ fields, file: Buffer.concat(chunks), fileName }));
    parser.on('error', reject);
    body.pipe(parser);
  });
}

describe('an exhibit uploaded through the console', () => {
  it('reaches the API with the reshaped metadata and the file’s exact bytes', async () => {
    const bytes = Buffer.from('%PDF-1.4\n binary \x00\x01\r\n--not-a-boundary\r\n');
    const upload = await readExhibitUpload(
      browserForm({ csrf: 't', kind: 'letter', description: 'Letter' }, { name: 'letter.pdf', type: 'application/pdf', bytes }),
    );
    expect(upload.fields).toEqual({ csrf: 't', kind: 'letter', description: 'Letter' });
    const { body, contentType } = exhibitBody({ kind: 'letter', description: 'Letter', producedBy: 'Jane Smith' }, upload);
    const received = await parse(body, contentType);
    expect(received.fields).toEqual({ kind: 'letter', description: 'Letter', producedBy: 'Jane Smith' });
    expect(received.fileName).toBe('letter.pdf');
    expect(received.file.equals(bytes)).toBe(true);
  });

  it('without a file chosen is a 400 naming the file field', async () => {
    await expect(readExhibitUpload(browserForm({ csrf: 't' }, { name: '', type: 'application/octet-stream', bytes: Buffer.alloc(0) }))).rejects.toMatchObject({
      constructor: GatewayProblem,
      status: 400,
      problem: { errors: [{ field: 'file' }] },
    });
  });
});
