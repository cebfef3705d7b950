/** Small formatting helpers shared by the preview pages. Pure. */

export { formatKB } from '../format-bytes.js';

/** `14:03:07`, in the machine's time zone: the editor's own clock. */
export function formatTime(date: Date): string {
  return [date.getHours(), date.getMinutes(), date.getSeconds()].map((part) => String(part).padStart(2, '0')).join(':');
}
