import { loadServiceConfig } from '@mediation/platform';

export const loadCaseworkConfig = () => loadServiceConfig(3002, {});
export type CaseworkConfig = ReturnType<typeof loadCaseworkConfig>;
