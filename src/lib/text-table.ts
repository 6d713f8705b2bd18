// A plain-text table for the CLIs (tickets, insights, sla-report): columns padded to their widest cell.

/** Rows of cells, the first row the header; columns two spaces apart, no trailing spaces. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
