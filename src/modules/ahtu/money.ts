/**
 * Financial years (April–March) and the rules funds must obey. Pure functions, tested on known inputs.
 */

/** "2025-26" for the financial year that starts on 1 April 2025. */
export function financialYearLabel(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** The start year of a label like "2025-26"; undefined when the label is not a financial year. */
export function parseFinancialYear(label: string): number | undefined {
  const match = /^(\d{4})-(\d{2})$/.exec(label);
  if (!match) return undefined;
  const start = Number(match[1]);
  return (start + 1) % 100 === Number(match[2]) ? start : undefined;
}

/** The financial year a date (YYYY-MM-DD) falls in: January–March belong to the year before. */
export function financialYearOf(date: string): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month >= 4 ? year : year - 1;
}

export interface FundsInput {
  sanctioned: number;
  released: number;
  utilised: number;
  ucReceived: boolean;
  ucReceivedOn?: string | null | undefined;
}

const RUPEES = new Intl.NumberFormat('en-IN');
export const rupees = (amount: number) => `Rs ${RUPEES.format(amount)}`;

/**
 * What is wrong with a year's funds, as messages a person can act on (empty when they are consistent):
 * money cannot be released before it is sanctioned, nor spent before it is released, and a utilisation
 * certificate is for money that was used.
 */
export function fundProblems(year: number, input: FundsInput): { field: string; message: string }[] {
  const label = financialYearLabel(year);
  const problems: { field: string; message: string }[] = [];
  if (input.released > input.sanctioned)
    problems.push({
      field: 'released',
      message: `Released (${rupees(input.released)}) cannot be more than sanctioned (${rupees(input.sanctioned)}) for ${label}.`,
    });
  if (input.utilised > input.released)
    problems.push({
      field: 'utilised',
      message: `Utilised (${rupees(input.utilised)}) cannot be more than released (${rupees(input.released)}) for ${label}.`,
    });
  if (input.ucReceivedOn && !input.ucReceived)
    problems.push({
      field: 'ucReceivedOn',
      message: 'A utilisation certificate date needs "utilisation certificate received" to be ticked.',
    });
  if (input.ucReceived && input.utilised === 0)
    problems.push({
      field: 'ucReceived',
      message: `A utilisation certificate accounts for money used; nothing is recorded as utilised for ${label}.`,
    });
  if (input.ucReceivedOn && financialYearOf(input.ucReceivedOn) < year)
    problems.push({
      field: 'ucReceivedOn',
      message: `The utilisation certificate cannot be dated before ${label} began (1 April ${year}).`,
    });
  return problems;
}
