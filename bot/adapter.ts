// What every messenger adapter gives the wiring in main: a transport for the
// outbox sender, a way to download the files people send, and a way to stop
// receiving updates. The small pieces adapters share are in adapter-kit.ts.
import type { PlatformName } from '../db/schema.js';
import type { FetchByRef } from './inbox/worker.js';
import type { OutboxTransport } from './outbox/sender.js';

export interface Adapter {
  readonly platform: PlatformName;
  readonly transport: OutboxTransport;
  /** Downloads a file of an update by the reference kept in the inbox. */
  readonly fetchFile?: FetchByRef;
  /** When updates were last fetched successfully, for health checks. */
  lastPollAt(): Date | undefined;
  /** Stops receiving, finishes updates in flight. */
  stop(): Promise<void>;
}
