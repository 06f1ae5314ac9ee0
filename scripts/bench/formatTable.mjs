/**
 * A compact, aligned plain-text table. `columns` are { key, label, align? }; text columns align
 * left, everything else right, unless `align` says otherwise. Cells are printed as given.
 */
export function formatTable(columns, rows) {
  const cell = (row, column) => String(row[column.key] ?? '');
  const widths = columns.map((column) => Math.max(column.label.length, ...rows.map((row) => cell(row, column).length)));
  const pad = (text, column, i) => ((column.align ?? (i === 0 ? 'left' : 'right')) === 'left' ? text.padEnd(widths[i]) : text.padStart(widths[i]));
  const line = (texts) => texts.map((text, i) => pad(text, columns[i], i)).join('  ').trimEnd();
  return [
    line(columns.map((column) => column.label)),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map((row) => line(columns.map((column) => cell(row, column)))),
  ].join('\n');
}
