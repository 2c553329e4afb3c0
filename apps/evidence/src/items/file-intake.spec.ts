import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PDFDocument } from 'pdf-lib';
import { detectMediaType, FileIntake, isAcceptedType } from './file-intake';
import { initialsOf } from './exhibit-ref';

async function through(chunks: Buffer[]): Promise<{ intake: FileIntake; out: Buffer }> {
  const intake = new FileIntake();
  const parts: Buffer[] = [];
  await pipeline(Readable.from(chunks), intake, async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) parts.push(chunk);
  });
  return { intake, out: Buffer.concat(parts) };
}

describe('a file coming in: its type from its bytes, its hash as it streams', () => {
  it('passes a PDF through unchanged, in small chunks, hashing every byte', async () => {
    const doc = await PDFDocument.create();
    doc.addPage().drawText('Statement of truth');
    const pdf = Buffer.from(await doc.save());
    const chunks = Array.from({ length: Math.ceil(pdf.length / 100) }, (_, i) => pdf.subarray(i * 100, (i + 1) * 100));
    const { intake, out } = await through(chunks);
    expect(out.equals(pdf)).toBe(true);
    expect(intake.mediaType).toBe('application/pdf');
    expect(intake.bytes).toBe(pdf.length);
    expect(intake.sha256()).toBe(createHash('sha256').update(pdf).digest('hex'));
  });

  it('refuses a Windows executable whatever it is called, before passing a byte on', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\u0090\u0000\u0003\u0000\u0000\u0000\u0004\u0000\u0000\u0000\u00ff\u00ff', 'latin1'), randomBytes(10_000)]);
    await expect(through([exe])).rejects.toMatchObject({ problem: { status: 415 } });
  });

  it('takes UTF-8 text as plain text, and refuses unknown binary and empty files', async () => {
    expect(await detectMediaType(Buffer.from('Noise diary\n4 Dec 23:10 bass through the wall — 45 min\n'))).toBe('text/plain');
    expect(await detectMediaType(Buffer.from([0x00, 0x01, 0x02, 0xfe, 0x80]))).toBe('application/octet-stream');
    await expect(through([Buffer.alloc(0)])).rejects.toMatchObject({ problem: { status: 400 } });
  });

  it('accepts images, audio, video and office documents, and nothing executable', () => {
    for (const type of ['image/jpeg', 'audio/vnd.wave', 'video/mp4', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'text/plain'])
      expect(isAcceptedType(type)).toBe(true);
    for (const type of ['application/x-msdownload', 'application/x-elf', 'application/zip', 'application/octet-stream'])
      expect(isAcceptedType(type)).toBe(false);
  });
});

describe('exhibit initials, as a witness marks their exhibits', () => {
  it('takes the first letter of each name', () => {
    expect(initialsOf('Jane Smith')).toBe('JS');
    expect(initialsOf("Mary-Ann O'Neil")).toBe('MAO');
    expect(initialsOf('Zoë  van der Berg-Ellis')).toBe('ZVDB');
    expect(initialsOf('42')).toBe('X');
  });
});
