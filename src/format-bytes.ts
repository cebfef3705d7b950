/** `30.9 KB`: how every command and page shows a size (1 KB = 1,024 bytes). Pure. */
export function formatKB(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
