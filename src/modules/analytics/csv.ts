/** CSV (RFC 4180) for every figure: a header row, then one line per row; formulas neutralised. */
export type CsvValue = string | number | boolean | null | undefined;

export interface CsvTable {
  columns: string[];
  rows: CsvValue[][];
}

function cell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text =
    typeof value === 'number' ? (Number.isInteger(value) ? String(value) : value.toFixed(4)) : String(value);
  // A spreadsheet runs a cell starting with = + - @ as a formula (CSV injection): prefix a quote.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(table: CsvTable): string {
  const lines = [table.columns, ...table.rows].map((row) => row.map(cell).join(','));
  return lines.join('\r\n') + '\r\n';
}
