/**
 * Every `t('notify_…' | 'badge_…' | 'status_…' | 'time_…' | 'content_…' | 'worker_…' | 'webex_…' |
 * 'site_…' | 'import_…' | 'group_…' | 'ui_…')`
 * in the source has an entry in the catalogue, and every placeholder an entry uses is declared:
 * a missing key would otherwise show itself to users instead of a sentence.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const catalogue = JSON.parse(
  readFileSync(path.join(root, 'public/_locales/en/messages.json'), 'utf8'),
) as Record<string, { message: string; placeholders?: Record<string, unknown> }>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const used = new Set(
  sourceFiles(path.join(root, 'src')).flatMap((file) =>
    [
      ...readFileSync(file, 'utf8').matchAll(
        /['"]((?:notify|badge|status|time|content|worker|webex|site|import|group|ui)_[A-Za-z0-9_]+)['"]/g,
      ),
    ].map((m) => m[1]!),
  ),
);

describe('catalogue', () => {
  it('has every notify_, badge_, status_, time_, content_, worker_, webex_, site_, import_, group_ and ui_ key the source uses', () => {
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((key) => catalogue[key] === undefined)).toEqual([]);
  });

  it('declares every named placeholder an entry uses', () => {
    for (const [key, entry] of Object.entries(catalogue)) {
      for (const [, name] of entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)) {
        expect(entry.placeholders?.[name!.toLowerCase()], `${key}: $${name}$`).toBeDefined();
      }
    }
  });
});
