// Errors a user can cause carry a code and a locale key; the dispatcher turns
// them into a polite reply. Anything else is a bug: logged, and answered with
// a short apology.
import type { MessageArgs } from './i18n.js';

export class UserError extends Error {
  constructor(
    readonly code: string,
    readonly key: string,
    readonly args?: MessageArgs,
  ) {
    super(`${code}: ${key}`);
    this.name = 'UserError';
  }
}

export const notAllowed = () => new UserError('forbidden', 'error-forbidden');

/** A download stopped because the file grew past the limit its reader set. */
export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`file larger than ${maxBytes} bytes`);
    this.name = 'FileTooLargeError';
  }
}
