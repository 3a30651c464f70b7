/**
 * lit-html creates a Trusted Types policy named "lit-html" as it loads, whenever the global has
 * `trustedTypes`. On a page whose CSP names the policies it allows (`trusted-types ...`, as many
 * large web apps' do), creating any other throws, and the content script would die before its
 * first line. The script runs in an isolated world, where the page's `require-trusted-types-for`
 * does not govern its own DOM writes, so it needs no policy: imported before lit-html, this hides
 * `trustedTypes` from this world's global only (the page's is untouched), and lit-html writes its
 * templates as in a browser without Trusted Types. See the strict-page test in
 * test/e2e/page-badges.e2e.ts.
 */
Object.defineProperty(globalThis, 'trustedTypes', { value: undefined, configurable: true });
