import type { ActivityPriceBody } from '@mediation/protocol';
import { pounds } from '../invoices/money';
import type { PricedFact } from './price-fact';

/** A programme activity delivered outside any case, as billing is told of it (scheduling.activity.delivered.v1). */
export interface DeliveredActivity {
  activityType: string;
  lineName: string;
  typeLabel: string;
  deliveredOn: string;
  totalAttendees: number;
}

/**
 * The price of one programme activity under its type's price on the contract, or null when the type is not priced
 * (nothing is recorded). Per activity: the price once, whatever the attendance (a workshop at £X is charged £X);
 * per attendee: the price times everyone who attended.
 */
export function priceActivity(price: ActivityPriceBody | null, activity: DeliveredActivity): PricedFact | null {
  if (!price) return null;
  const what = `${activity.lineName}: ${activity.typeLabel} on ${activity.deliveredOn}`;
  if (price.per === 'attendee')
    return {
      amountPence: price.pricePence * activity.totalAttendees,
      description: `${what} (${activity.totalAttendees} attendees at ${pounds(price.pricePence)} each)`,
    };
  return { amountPence: price.pricePence, description: `${what} (at ${pounds(price.pricePence)} per ${activity.typeLabel.toLowerCase()})` };
}
