import { priceActivity, type DeliveredActivity } from './price-activity';

const workshop = (totalAttendees: number): DeliveredActivity => ({
  activityType: 'workshop',
  lineName: 'Pre-CMH meeting',
  typeLabel: 'Workshop',
  deliveredOn: '2026-04-20',
  totalAttendees,
});

describe('the price of a programme activity', () => {
  it('a workshop on a contract priced at £350 per workshop is charged £350, however many attend', () => {
    expect(priceActivity({ pricePence: 35_000, per: 'activity' }, workshop(14))).toEqual({
      amountPence: 35_000,
      description: 'Pre-CMH meeting: Workshop on 2026-04-20 (at £350.00 per workshop)',
    });
    expect(priceActivity({ pricePence: 35_000, per: 'activity' }, workshop(1))?.amountPence).toBe(35_000);
  });

  it('priced per attendee, 14 attendees at £25 are charged £350', () => {
    expect(priceActivity({ pricePence: 2_500, per: 'attendee' }, workshop(14))).toEqual({
      amountPence: 35_000,
      description: 'Pre-CMH meeting: Workshop on 2026-04-20 (14 attendees at £25.00 each)',
    });
  });

  it('an activity type the contract does not price charges nothing: no entry at all', () => {
    expect(priceActivity(null, workshop(14))).toBeNull();
  });

  it('a price of £0 records a £0 entry (the type is priced, at nothing)', () => {
    expect(priceActivity({ pricePence: 0, per: 'activity' }, workshop(3))?.amountPence).toBe(0);
  });
});
