export const REPORTS_OPTIONS = Symbol('REPORTS_OPTIONS');

export interface ReportsOptions {
  /** The provider's name printed on reports. */
  providerName: string;
}

/** The delivery kind notify gives the email carrying a case report. */
export const REPORT_EMAIL_KIND = 'case-report';
