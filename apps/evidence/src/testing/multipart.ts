import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { Readable } from 'node:stream';

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A multipart/form-data body as a stream: the fields first, then one file, never assembled in memory. */
export function multipartBody(fields: Record<string, string>, file: { name: string; type: string; content: Readable | Buffer }, field = 'file') {
  const boundary = `----evidence${randomBytes(8).toString('hex')}`;
  const head =
    Object.entries(fields)
      .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
      .join('') + `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`;
  const tail = `\r\n--${boundary}--\r\n`;
  async function* parts() {
    yield Buffer.from(head);
    if (Buffer.isBuffer(file.content)) yield file.content;
    else for await (const chunk of file.content) yield chunk as Buffer;
    yield Buffer.from(tail);
  }
  return { contentType: `multipart/form-data; boundary=${boundary}`, stream: Readable.from(parts()) };
}

/** One HTTP request with a streamed body; the answer collected (small answers only, or counted by `onData`). */
export function request(
  url: string,
  options: { method: string; headers?: Record<string, string>; body?: Readable; onData?: (chunk: Buffer) => void },
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => (options.onData ? options.onData(chunk) : chunks.push(chunk)));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (options.body) options.body.pipe(req);
    else req.end();
  });
}
