import type { ServiceLine } from '@mediation/protocol';

type SessionType = ServiceLine['sessionTypes'][number];
type Mode = 'video' | 'phone' | 'in-person';

/** What is wrong with a session's kind and place for its service line, as field errors; empty when fine. */
export function sessionKindProblems(
  line: Pick<ServiceLine, 'sessionTypes'>,
  booking: { sessionType: string; mode: Mode; venueId?: string; location?: string },
): { type?: SessionType; errors: { field: string; message: string }[] } {
  const type = line.sessionTypes.find((t) => t.key === booking.sessionType);
  if (!type)
    return {
      errors: [
        { field: 'sessionType', message: `must be one of the service line's session types: ${line.sessionTypes.map((t) => t.key).join(', ') || '(none)'}` },
      ],
    };
  const errors: { field: string; message: string }[] = [];
  if (type.mode === 'remote' && booking.mode === 'in-person') errors.push({ field: 'mode', message: `a ${type.label} is held remotely: use video or phone` });
  if (type.mode === 'in-person' && booking.mode !== 'in-person') errors.push({ field: 'mode', message: `a ${type.label} is held in person` });
  if (booking.mode === 'in-person' && !booking.venueId && !booking.location)
    errors.push({ field: 'venueId', message: 'an in-person session needs a venueId or a location' });
  if (booking.mode !== 'in-person' && (booking.venueId || booking.location))
    errors.push({ field: booking.venueId ? 'venueId' : 'location', message: 'a remote session has no venue or location' });
  return { type, errors };
}
