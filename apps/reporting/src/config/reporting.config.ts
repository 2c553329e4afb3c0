import { loadServiceConfig } from '@mediation/platform';

export const loadReportingConfig = () => loadServiceConfig(3006, {});
export type ReportingConfig = ReturnType<typeof loadReportingConfig>;
