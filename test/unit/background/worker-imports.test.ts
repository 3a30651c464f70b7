import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../../src');

/**
 * The packages and src/ modules `entry` loads at run time, following relative imports (type-only
 * imports are erased by the compiler and load nothing).
 */
function runtimeImports(entry: string): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (modules.has(file)) return;
    modules.add(file);
    const code = readFileSync(file, 'utf8');
    const statements = /^(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?'([^']+)';/gms;
    for (const [, typeOnly, specifier] of code.matchAll(statements)) {
      if (typeOnly || !specifier) continue;
      if (!specifier.startsWith('.')) packages.add(specifier);
      else visit(path.resolve(path.dirname(file), specifier.replace(/\.js$/, '') + '.ts'));
    }
  };
  visit(entry);
  return { modules, packages };
}

describe('what the service worker loads', () => {
  it('is no lit or lit-html: they read `document` when loaded, and a worker has none', () => {
    const { modules, packages } = runtimeImports(path.join(SRC, 'background/index.ts'));
    expect(modules.size).toBeGreaterThan(20); // the walk follows the graph
    expect(modules).toContain(path.join(SRC, 'background/badge-views.ts'));
    expect([...packages].filter((name) => /^(lit|lit-html|@lit)(\/|$)/.test(name))).toEqual([]);
  });
});
