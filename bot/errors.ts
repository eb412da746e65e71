// An error from a messenger that is not the SDK's own (a long poll, a file
// download): it says which platform, which call and what status came back,
// like grammY's GrammyError, so a log line or an outbox reason is enough to
// know where to look.
import type { PlatformName } from '../db/schema.js';

export class PlatformError extends Error {
  constructor(
    readonly platform: PlatformName | 'files',
    readonly method: string,
    readonly status: number | undefined,
    description: string,
  ) {
    super(`${platform} ${method}${status !== undefined ? ` ${status}` : ''}: ${description}`);
    this.name = 'PlatformError';
  }
}
