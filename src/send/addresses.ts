import addressparser from 'nodemailer/lib/addressparser/index.js';
import { SendError } from '../errors.js';

/** Most recipients a test send may have without `allowMany`. */
export const MAX_TEST_RECIPIENTS = 10;

export interface Mailbox {
  name: string;
  address: string;
}

const LOCAL_PART = /^[^\s@<>()[\]\\,;:"]+$/u;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u;

/** A bare address `name@example.com`: no display name, no spaces, a domain with a dot (or `localhost`). */
export function isEmailAddress(value: string): boolean {
  const at = value.lastIndexOf('@');
  if (at <= 0 || value.length > 254) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  const labels = domain.split('.');
  return LOCAL_PART.test(local) && local.length <= 64 && labels.every((label) => DOMAIN_LABEL.test(label)) && (labels.length > 1 || domain === 'localhost');
}

/**
 * Recipients from `--to` (each may hold several, comma-separated) or, when
 * there are none, from `TEST_RECIPIENTS`. Validated, duplicates dropped. Pure.
 */
export function parseRecipients(flags: readonly string[] | undefined, fromEnv: string | undefined, allowMany: boolean): string[] {
  const useFlags = flags !== undefined && flags.length > 0;
  const source = useFlags ? '--to' : 'TEST_RECIPIENTS';
  const items = (useFlags ? flags : [fromEnv ?? '']).flatMap((value) => value.split(','));
  const recipients: string[] = [];
  for (const item of items) {
    const address = item.trim();
    if (address === '') continue;
    if (!isEmailAddress(address)) {
      const shown = JSON.stringify(address);
      const hint = /<.*>/.test(address) ? 'give the bare address without a name or <>' : 'write it as name@example.com';
      throw new SendError(`${source}: ${shown} is not an email address: ${hint}`);
    }
    if (!recipients.some((known) => known.toLowerCase() === address.toLowerCase())) recipients.push(address);
  }
  if (recipients.length > MAX_TEST_RECIPIENTS && !allowMany) {
    throw new SendError(
      `${recipients.length} recipients: a test send is for a handful of people (at most ${MAX_TEST_RECIPIENTS}): trim the list or pass --allow-many`,
    );
  }
  return recipients;
}

/** The sender as name and address; a bare address gets the brand as its display name. Pure. */
export function parseSender(value: string, source: string, brand: string): Mailbox {
  const fix = `write it as "${brand} <newsletter@example.com>"`;
  if (/[\r\n]/.test(value)) throw new SendError(`${source} contains a line break: ${fix}`);
  const parsed = addressparser(value, { flatten: true });
  const [first] = parsed;
  if (parsed.length !== 1 || first === undefined || !isEmailAddress(first.address)) {
    throw new SendError(`${source} ${JSON.stringify(value)} is not one sender address: ${fix}`);
  }
  return { name: first.name.trim() === '' ? brand : first.name.trim(), address: first.address };
}
