import type { DeadlineView, OrganisationProfile } from '@mediation/protocol';

/** Everything the case report shows, gathered before rendering so the renderer stays pure. */
export interface CaseReportData {
  reference: string;
  /** 1 for the first closure, 2 after one reopening... */
  closure: number;
  issuedAt: Date;
  openedAt: Date;
  closedAt: Date;
  /** The organisation that prepared it, as its profile signs documents. */
  provider: OrganisationProfile;
  contract: { reference: string | null; title: string | null; buyer: string | null; version: number | null; template: string | null };
  serviceLine: { key: string; name: string };
  referrer: { name: string; organisation?: string | null } | null;
  summary: string | null;
  outcome: { key: string; label: string; expected: boolean };
  /** Names and roles only: a report travels by email, so nothing sensitive goes in it. */
  parties: { role: string; name: string }[];
  team: { role: string; name: string }[];
  timeline: ReportTimelineEntry[];
  deadlines: ReportDeadline[];
  recommendations: string[];
}

export interface ReportTimelineEntry {
  at: Date;
  kind: 'status' | 'milestone' | 'session' | 'communication' | 'note' | 'pause';
  text: string;
}

export interface ReportDeadline {
  label: string;
  kind: 'provider' | 'informational';
  dueAt: Date | null;
  status: DeadlineView['status'];
  metAt: Date | null;
  late: boolean;
}
