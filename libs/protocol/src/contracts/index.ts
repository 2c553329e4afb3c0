export * from './basis.schema';
export * from './form.schema';
export * from './deadline-rule.schema';
export * from './kpi.schema';
export * from './pricing.schema';
export * from './service-line.schema';
export * from './contract-definition.schema';
export * from './ocds.schema';
