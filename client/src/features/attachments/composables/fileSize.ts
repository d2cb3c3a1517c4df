const NUMBER = new Intl.NumberFormat('th-TH', { maximumFractionDigits: 1 });

/** A size as people read it: 850 KB, 2.4 MB (1 MB = 1,048,576 bytes, as the server counts). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${NUMBER.format(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${NUMBER.format(bytes / (1024 * 1024))} MB`;
}
