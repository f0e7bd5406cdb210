import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, errorPageHtml, errorPageUrl, isAppUrl, resolveAppRequest, windowUrl } from '../../electron/main/app-url.ts';

const ROOT = resolve('/srv/app/out/renderer');

describe('app:// origin', () => {
  it('builds the role routes, walls with their monitor', () => {
    expect(windowUrl('console')).toBe('app://hall/console');
    expect(windowUrl('wall', 2)).toBe('app://hall/wall?monitor=2');
  });

  it('recognises only its own origin', () => {
    expect(isAppUrl('app://hall/console')).toBe(true);
    for (const url of ['app://evil/console', 'https://hall/console', 'file:///etc/passwd', 'not a url', 'app:hall']) expect(isAppUrl(url)).toBe(false);
  });

  it('serves index.html for the SPA routes, with or without query and trailing slash', () => {
    for (const url of ['app://hall/', 'app://hall/console', 'app://hall/desk/', 'app://hall/wall?monitor=3']) {
      expect(resolveAppRequest(ROOT, url)).toEqual({ kind: 'file', path: join(ROOT, 'index.html') });
    }
  });

  it('serves built files, including Cesium assets', () => {
    expect(resolveAppRequest(ROOT, 'app://hall/assets/index-abc.js')).toEqual({ kind: 'file', path: join(ROOT, 'assets/index-abc.js') });
    expect(resolveAppRequest(ROOT, 'app://hall/cesium/Workers/x.js')).toEqual({ kind: 'file', path: join(ROOT, 'cesium/Workers/x.js') });
    expect(resolveAppRequest(ROOT, 'app://hall/%E4%B8%AD.png')).toEqual({ kind: 'file', path: join(ROOT, '中.png') });
  });

  it('refuses path traversal, encoded or not, and other hosts', () => {
    for (const url of ['app://hall/../../etc/passwd', 'app://hall/%2e%2e/%2e%2e/etc/passwd', 'app://hall/assets/..%2f..%2f..%2fetc/passwd', 'app://hall/..%5c..%5cwin.ini']) {
      const r = resolveAppRequest(ROOT, url);
      if (r.kind === 'file') expect(r.path.startsWith(ROOT + '/') || r.path.startsWith(ROOT + '\\')).toBe(true);
      else expect(r.kind).toBe('status');
    }
    expect(resolveAppRequest(ROOT, 'app://hall/assets/..%2f..%2f..%2fetc/passwd')).toEqual({ kind: 'status', status: 403 });
    expect(resolveAppRequest(ROOT, 'app://hall/%00')).toEqual({ kind: 'status', status: 400 });
    expect(resolveAppRequest(ROOT, 'app://hall/%E4%B8')).toEqual({ kind: 'status', status: 400 });
    expect(resolveAppRequest(ROOT, 'app://other/console')).toEqual({ kind: 'status', status: 404 });
  });

  it('renders the error page with the message escaped', () => {
    const resource = resolveAppRequest(ROOT, errorPageUrl('<script>x</script> 崩溃'));
    expect(resource).toEqual({ kind: 'error-page', message: '<script>x</script> 崩溃' });
    const html = errorPageHtml('<script>x</script>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;');
  });

  it('has a strict CSP that still lets Cesium use blob: workers and reaches the hall, camera video included', () => {
    const csp = contentSecurityPolicy({ host: '192.168.1.10', port: 8620 });
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("connect-src 'self' http://127.0.0.1:* http://192.168.1.10:8620 ws://127.0.0.1:* ws://192.168.1.10:8620;");
    expect(csp).toContain("media-src 'self' http://127.0.0.1:* http://192.168.1.10:8620;");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(contentSecurityPolicy()).not.toContain('192.168');
  });
});
