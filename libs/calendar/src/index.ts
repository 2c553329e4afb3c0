export * from './bank-holidays';
export * from './london-time';
export * from './working-calendar';
