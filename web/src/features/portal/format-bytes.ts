/** A file size as people read it: bytes, KB or MB, in the reader's number format. */
export function formatBytes(bytes: number, locale?: string): string {
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${number.format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${number.format(Math.round(bytes / 1024))} KB`;
  return `${number.format(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
}
