/** The error of a refused import, kept apart so importing it does not load exceljs. */
import { UserError } from '../errors.ts';
import { logMessages } from './messages.ts';

/** One rejected row: its spreadsheet line (header = 1) and the reason in Chinese. */
export interface RowProblem {
  readonly row: number;
  readonly reason: string;
}

/** An import refused as a whole; `problems` names every bad row. */
export class ImportRejected extends UserError {
  /** Every bad row, in file order. */
  readonly problems: readonly RowProblem[];

  constructor(problems: readonly RowProblem[]) {
    const shown = problems.slice(0, 30).map((p) => logMessages.importRowProblem(p.row, p.reason));
    if (problems.length > shown.length) shown.push(logMessages.importMoreProblems(problems.length - shown.length));
    super('import_rejected', logMessages.importRejected(problems.length, shown.join('\n')));
    this.problems = problems;
  }
}
