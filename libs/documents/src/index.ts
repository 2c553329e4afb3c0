export * from './blocks';
export * from './labels';
export * from './london-format';
export * from './money';
export { pdfSafe } from './pdf-safe';
export { renderDocument, type RenderOptions } from './render-document';
