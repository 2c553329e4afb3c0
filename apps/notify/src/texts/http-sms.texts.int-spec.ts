import path from 'node:path';
import { HttpSmsTexts } from './http-sms.texts';
import { TextRejectedError } from './text-messenger';

/* eslint-disable @typescript-eslint/no-require-imports */
const mailcatcher = require(path.resolve(__dirname, '../../../../tools/mailcatcher/mailcatcher.cjs')) as {
  startMailCatcher(o: { smtpPort: number; httpPort: number }): Promise<{
    httpPort: number;
    texts(): { id: string; to: string; body: string; reference: string | null }[];
    close(): Promise<void>;
  }>;
};
/* eslint-enable @typescript-eslint/no-require-imports */

describe('the generic HTTP text provider, against the development catcher', () => {
  let catcher: Awaited<ReturnType<typeof mailcatcher.startMailCatcher>>;
  let texts: HttpSmsTexts;

  beforeAll(async () => {
    catcher = await mailcatcher.startMailCatcher({ smtpPort: 0, httpPort: 0 });
    texts = new HttpSmsTexts({ url: `http://127.0.0.1:${catcher.httpPort}/texts` });
  });

  afterAll(async () => {
    await catcher?.close();
  });

  it('a text is taken with its reference, shown by the catcher, and its receipt says delivered', async () => {
    const { providerId } = await texts.send({ to: '+447912345678', body: 'Dear Kai, your mediation is booked.', templateFields: {}, reference: 'delivery-1' });
    expect(catcher.texts()).toEqual([
      expect.objectContaining({ id: providerId, to: '+447912345678', body: 'Dear Kai, your mediation is booked.', reference: 'delivery-1' }),
    ]);
    const listed = (await (await fetch(`http://127.0.0.1:${catcher.httpPort}/texts?to=%2B447912345678`)).json()) as unknown[];
    expect(listed).toHaveLength(1);
    expect(await texts.receipt(providerId!)).toEqual({ delivered: true, status: 'delivered' });
  });

  it('a refusal for good (a 4xx) is a TextRejectedError, which is not retried', async () => {
    await expect(texts.send({ to: '07912 345678', body: 'not E.164', templateFields: {}, reference: 'delivery-2' })).rejects.toBeInstanceOf(TextRejectedError);
  });
});
