/** Small formatting helpers shared by the preview pages. Pure. */

export function formatKB(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** `14:03:07`, in the machine's time zone: the editor's own clock. */
export function formatTime(date: Date): string {
  return [date.getHours(), date.getMinutes(), date.getSeconds()].map((part) => String(part).padStart(2, '0')).join(':');
}

/** `Business Punk <newsletter@example.com>` → name and address; a bare address has no name. */
export function parseSender(from: string): { name: string | null; address: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
  if (match) return { name: match[1]?.trim() || null, address: match[2]?.trim() ?? '' };
  return { name: null, address: from.trim() };
}
