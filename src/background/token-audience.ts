/**
 * Where this build lets the access token go. The manifest decides: the dev build lists loopback
 * hosts in `host_permissions` (for the emulator), a store build does not, and then the client
 * refuses loopback URLs too (docs/protocol.md §2).
 */
import type { TokenAudience } from '../webex/token-audience';

const LOOPBACK_PATTERNS = ['http://127.0.0.1/*', 'http://localhost/*'];

export function tokenAudienceOf(manifest: { host_permissions?: string[] }): TokenAudience {
  const granted = manifest.host_permissions ?? [];
  return { allowLoopback: LOOPBACK_PATTERNS.some((pattern) => granted.includes(pattern)) };
}
