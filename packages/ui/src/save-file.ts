/**
 * Saving data built in the page (a chart's JSON, a table as CSV, a graph as PNG) as a file
 * download, the same way in every dashboard.
 *
 * @example saveFile(new Blob([csv], { type: 'text/csv' }), 'sessions.csv');
 */

/** Offers `blob` as a download named `filename`. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started by now; the URL can go once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
