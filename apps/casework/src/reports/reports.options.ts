/** The delivery kind notify gives the email carrying a case report. */
export const REPORT_EMAIL_KIND = 'case-report';
