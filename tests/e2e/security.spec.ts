// The page's own defences, checked in the served app: the CSP header is the strict one, and an
// HTML sink throws under Trusted Types instead of parsing markup.

import { expect, test } from '@playwright/test';
import { SpanmarkApp } from './pages/app.js';

test('the app is served with the strict CSP and HTML sinks are closed', async ({ page }) => {
  const response = await page.goto('/');
  const csp = response!.headers()['content-security-policy'] ?? '';
  for (const part of ["default-src 'none'", "script-src 'self'", "object-src 'none'", "require-trusted-types-for 'script'"]) expect(csp).toContain(part);
  await new SpanmarkApp(page).goto();
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toBe(
    csp
      .split('; ')
      .filter((d) => !d.startsWith('frame-ancestors'))
      .join('; '),
  );
  const sink = await page.evaluate(() => {
    try {
      document.body.insertAdjacentHTML('beforeend', '<img src=x onerror="window.__pwned=1">');
      return 'parsed';
    } catch (e) {
      return (e as Error).name;
    }
  });
  expect(sink).toBe('TypeError');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
});
