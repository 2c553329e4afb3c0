import { loadServiceConfig } from '@mediation/platform';

export const loadEvidenceConfig = () => loadServiceConfig(3004, {});
export type EvidenceConfig = ReturnType<typeof loadEvidenceConfig>;
