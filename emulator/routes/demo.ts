import { demoPageHtml } from '../demo-page.js';
import type { Route } from '../http.js';

export function demoRoutes(): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/demo',
      auth: false,
      handler: () => ({ status: 200, html: demoPageHtml() }),
    },
  ];
}
