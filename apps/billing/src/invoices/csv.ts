/** One CSV cell: a leading = + - @ would run as a formula in a spreadsheet, so it is quoted with an apostrophe (text, not negative numbers). */
export const csvCell = (value: string) => {
  const safe = /^[=+@]/.test(value) || (/^-/.test(value) && !/^-\d+(\.\d+)?$/.test(value)) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** Rows of cells as CSV with CRLF line ends, as finance's spreadsheets import it. */
export const toCsv = (rows: readonly (readonly string[])[]): string => rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
