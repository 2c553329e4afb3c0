import { GatewayProblem } from '../gateway/gateway.client';
import { problemLinks } from '../cases/case-screen';
import { ACKNOWLEDGEMENT_FIELD_IDS, acknowledgementBody } from './complaint-acknowledgement';

describe('acknowledging a complaint from My work', () => {
  const now = new Date('2026-07-06T09:30:00Z');

  it('sends the London date and time the complainant was told as the API’s instant (summer time is an hour ahead of UTC)', () => {
    expect(acknowledgementBody({ acknowledgedDate: '2026-07-03', acknowledgedTime: '16:45' }, now)).toEqual({ acknowledgedAt: '2026-07-03T15:45:00.000Z' });
  });

  it('takes now when both are left empty, as someone who has just told them would', () => {
    expect(acknowledgementBody({ acknowledgedDate: ' ', acknowledgedTime: '' }, now)).toEqual({ acknowledgedAt: now.toISOString() });
  });

  it('refuses a date without a time by naming the time control, as the API names a field', () => {
    let refused: unknown;
    try {
      acknowledgementBody({ acknowledgedDate: '2026-07-03', acknowledgedTime: '' }, now);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(GatewayProblem);
    expect(problemLinks(refused as GatewayProblem, ACKNOWLEDGEMENT_FIELD_IDS, 'acknowledge')).toEqual([
      { href: '#acknowledged-time', text: 'Enter the time, for example 14:30, or leave the date and time empty' },
    ]);
  });

  it('links the API’s refusal of a time before the receipt to the date, with the receipt in London time', () => {
    const early = new GatewayProblem(400, {
      errors: [{ field: 'acknowledgedAt', message: 'must not be before the complaint was received (2026-07-03T09:00:00.000Z)', code: 'out_of_order' }],
    });
    expect(problemLinks(early, ACKNOWLEDGEMENT_FIELD_IDS, 'acknowledge')).toEqual([
      {
        href: '#acknowledged-date',
        text: 'Enter a later date and time: it must not be before the complaint was received (Friday 3 July 2026 at 10:00am)',
      },
    ]);
    const future = new GatewayProblem(400, { errors: [{ field: 'acknowledgedAt', message: 'must not be in the future', code: 'in_future' }] });
    expect(problemLinks(future, ACKNOWLEDGEMENT_FIELD_IDS, 'acknowledge')[0]).toEqual({
      href: '#acknowledged-date',
      text: 'Enter a date and time that has passed: it must not be in the future',
    });
  });
});
