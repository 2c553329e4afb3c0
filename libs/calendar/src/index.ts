export * from './bank-holidays';
export * from './bank-holiday-coverage';
export * from './london-time';
export * from './working-calendar';
export * from './contract-year';
