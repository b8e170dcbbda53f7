import { CSV_COLUMNS, csvResultRow, csvRow } from '@cloudsweep/engine';
import type { ResultSink, TextWriter } from './sink.js';

/** One row per result (pass, fail and unknown), so a spreadsheet can pivot on status. */
export function createCsvSink(out: TextWriter): ResultSink {
  return {
    planned: () => out.write(csvRow(CSV_COLUMNS)),
    result: (result) => out.write(csvResultRow(result)),
    issue: async () => {},
    finish: async () => {},
  };
}
