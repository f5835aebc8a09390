/** A file's size for people: bytes below 1 KB, whole KB below 1 MB, then MB to one decimal, in the reader's digits. */
export function formatFileSize(bytes: number, number: (n: number) => string): string {
  if (bytes < 1024) return `${number(bytes)} B`;
  if (bytes < 1024 * 1024) return `${number(Math.round(bytes / 1024))} KB`;
  return `${number(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
}
