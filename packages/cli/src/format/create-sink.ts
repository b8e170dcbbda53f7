import { createCsvSink } from './csv-sink.js';
import { createJsonSink } from './json-sink.js';
import { createSarifSink } from './sarif-sink.js';
import type { Format, ResultSink, SinkContext, TextWriter } from './sink.js';
import { createTableSink } from './table-sink.js';

export function createSink(format: Format, out: TextWriter, ctx: SinkContext): ResultSink {
  switch (format) {
    case 'table':
      return createTableSink(out);
    case 'json':
      return createJsonSink(out);
    case 'csv':
      return createCsvSink(out);
    case 'sarif':
      return createSarifSink(out, ctx);
  }
}
