import { loadServiceConfig } from '@mediation/platform';

export const loadIntakeConfig = () => loadServiceConfig(3001, {});
export type IntakeConfig = ReturnType<typeof loadIntakeConfig>;
