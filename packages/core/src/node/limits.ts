// Apart from fetch.ts so that a local run, which only reads these defaults, loads none of the
// network built-ins (http, https, dns, net, zlib) that the fetcher needs (docs/performance.md).

/** What every download of a schema, a catalogue or a referenced descriptor must respect. */
export interface FetchLimits {
  /** For the whole download, body included; default 30 s. */
  timeoutMs?: number;
  /** Bytes of body after decompression; default 20 MiB (the national catalogue is ~300 KB). */
  maxDownloadBytes?: number;
  /**
   * Lets downloads reach loopback, link-local, private and unique-local addresses (config
   * `allowPrivateNetwork`, `--allow-private-network`). Off by default: a schema URL found in a
   * descriptor must not turn a CI runner into a probe of its own network.
   */
  allowPrivateNetwork?: boolean;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;
