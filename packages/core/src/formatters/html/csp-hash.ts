// The HTML report lists the hashes of its own inline <style> and <script> in its
// Content-Security-Policy. The formatter runs in browsers too, so node:crypto is out, and
// WebCrypto's digest is asynchronous while formatters are synchronous: @noble/hashes is both.
import { sha256 } from "@noble/hashes/sha2.js";

/** CSP source expression (`'sha256-…'`) allowing exactly this inline element content (CSP3 §8.4). */
export function cspHash(content: string): string {
  // btoa takes a binary string: one character per byte of the 32-byte digest.
  return `'sha256-${btoa(String.fromCharCode(...sha256(new TextEncoder().encode(content))))}'`;
}
