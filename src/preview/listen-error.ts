import { UsageError } from '../errors.js';

/** A failed `listen()` as one line that says what to do about it. */
export function listenError(error: Error, what: string, port: number, flag: string): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    return new UsageError(`the ${what} cannot use port ${port}: it is already in use (another preview running?): stop that program or pass ${flag} with another port`, error);
  }
  if (code === 'EACCES') {
    return new UsageError(`the ${what} may not use port ${port}: pass ${flag} with a port above 1023`, error);
  }
  return error;
}
