// Files people send arrive as addresses inside updates, and an update can be
// forged: its address could point at the operator's own network, a cloud
// metadata service or a stream that never ends. Every adapter downloads
// through here: https on the hosts the messenger serves files from (or the
// API address Opora was configured with), redirects only to such hosts, a
// timeout, and a byte cap that holds whatever size was announced.
import { FileTooLargeError, UserError } from '../handlers/core/errors.js';
import type { Log } from '../handlers/core/log.js';
import { PlatformError } from './errors.js';

export interface DownloadLimits {
  maxBytes: number;
}

export type Download = (url: string, limits: DownloadLimits) => Promise<Buffer>;

export interface FileHosts {
  /** Domains the messenger serves files from, subdomains included; https on the default port only. */
  domains: readonly string[];
  /** Origins trusted as they are: the configured API address (a self-hosted server, a proxy, a test fake). */
  origins: readonly string[];
}

/** Where MAX keeps files: its own domains and the OK CDN it shares. */
export const maxFileDomains = ['max.ru', 'oneme.ru', 'okcdn.ru'] as const;
/** Where VK keeps documents: vk.com links redirect to the userapi.com and vkuser.net storage. */
export const vkFileDomains = ['vk.com', 'vk.ru', 'userapi.com', 'vkuser.net', 'vk-cdn.net'] as const;

const TIMEOUT_MS = 60_000;
const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** The origin of a configured API address, for FileHosts.origins. */
export function originOf(apiUrl: string): string {
  return new URL(apiUrl).origin;
}

/** Whether a file may be fetched from this address at all. */
export function isFileHost(url: URL, hosts: FileHosts): boolean {
  if (url.username !== '' || url.password !== '') return false;
  if (hosts.origins.includes(url.origin)) return true;
  if (url.protocol !== 'https:' || url.port !== '') return false;
  const host = url.hostname.toLowerCase();
  return hosts.domains.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

/** A downloader for one messenger; an address it refuses is logged by host and answered politely. */
export function createDownload(hosts: FileHosts, log: Log, timeoutMs = TIMEOUT_MS): Download {
  return async (url, limits) => {
    const signal = AbortSignal.timeout(timeoutMs);
    let target = parseUrl(url);
    for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
      if (target === undefined || !isFileHost(target, hosts)) {
        log.warn({ host: target?.host, protocol: target?.protocol }, 'file address outside the messenger refused');
        throw new UserError('file-host', 'file-unavailable');
      }
      const response = await fetch(target, { redirect: 'manual', signal });
      const location = REDIRECTS.has(response.status) ? response.headers.get('location') : null;
      if (location === null) return readWithin(response, limits.maxBytes);
      await response.body?.cancel();
      target = parseUrl(location, target);
    }
    throw new PlatformError('files', 'download', undefined, `more than ${MAX_REDIRECTS} redirects`);
  };
}

function parseUrl(url: string, base?: URL): URL | undefined {
  try {
    return new URL(url, base);
  } catch {
    return undefined;
  }
}

/** Reads the body and stops as soon as more than `maxBytes` arrived, whatever Content-Length said. */
async function readWithin(response: Response, maxBytes: number): Promise<Buffer> {
  if (!response.ok) {
    await response.body?.cancel();
    throw new PlatformError('files', 'download', response.status, 'the file could not be fetched');
  }
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
    await response.body?.cancel();
    throw new FileTooLargeError(maxBytes);
  }
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel();
      throw new FileTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
}
