import type { DeadlineView, EvidenceItemView, OrganisationProfile } from '@mediation/protocol';

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
  /** The case's exhibits as the evidence service holds them at closure, in exhibit order. */
  evidence: ReportExhibit[];
  recommendations: string[];
}

/** One exhibit, so the reader can ask for it by reference and check a copy of it against its hash. */
export interface ReportExhibit {
  exhibitRef: string;
  kind: EvidenceItemView['kind'];
  description: string;
  producedBy: string;
  /** SHA-256 (hex) of its current version. */
  sha256: string;
  version: number;
  /** For a redacted copy, the reference of its original; for an exhibit whose files retention deleted, when. */
  redactedFrom: string | null;
  filesDeletedAt: Date | null;
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
