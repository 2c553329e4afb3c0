/**
 * The iCalendar entry (RFC 5545, sent with iTIP's METHOD, RFC 5546) of one version of a session: one
 * UID per session for ever, so a calendar that holds the invitation replaces it with the update
 * (a higher SEQUENCE) and removes it on the cancellation (METHOD:CANCEL, STATUS:CANCELLED).
 */
export interface SessionCalendarEntry {
  sessionId: string;
  sequence: number;
  cancelled: boolean;
  summary: string;
  startsAt: string;
  endsAt: string;
  location: string | null;
  url: string | null;
  description: string;
  organiser: { name: string; email: string };
  attendee: { name: string; email: string } | null;
  /** DTSTAMP: when this version was made (the change's time, so a resend is the same entry). */
  stampedAt: string;
}

/** The UID of a session's entry: stable across every version of it. */
export const sessionUid = (sessionId: string) => `session-${sessionId}@mediation.local`;

/** 20270610T090000Z: times in UTC, so no time-zone block is needed and every calendar reads them alike. */
const utc = (iso: string) =>
  new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11). */
export const escapeText = (text: string) =>
  text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');

/** A parameter value (a CN) is quoted, and may not hold a double quote or a control character. */
const param = (text: string) => `"${text.replace(/["\r\n\t]/g, ' ').trim()}"`;

/** Content lines are folded at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character. */
export function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    const limit = out.length === 0 ? 75 : 74; // a continuation line starts with one space
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

export function sessionCalendar(entry: SessionCalendarEntry): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'PRODID:-//Mediation platform//Sessions//EN',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    `METHOD:${entry.cancelled ? 'CANCEL' : 'REQUEST'}`,
    'BEGIN:VEVENT',
    `UID:${sessionUid(entry.sessionId)}`,
    `SEQUENCE:${entry.sequence}`,
    `DTSTAMP:${utc(entry.stampedAt)}`,
    `DTSTART:${utc(entry.startsAt)}`,
    `DTEND:${utc(entry.endsAt)}`,
    `SUMMARY:${escapeText(entry.summary)}`,
    ...(entry.location ? [`LOCATION:${escapeText(entry.location)}`] : []),
    ...(entry.url ? [`URL:${entry.url}`] : []),
    `DESCRIPTION:${escapeText(entry.description)}`,
    `STATUS:${entry.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    `ORGANIZER;CN=${param(entry.organiser.name)}:mailto:${entry.organiser.email}`,
    ...(entry.attendee
      ? [`ATTENDEE;CN=${param(entry.attendee.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:${entry.attendee.email}`]
      : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}
