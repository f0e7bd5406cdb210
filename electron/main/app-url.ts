// The app:// origin that serves the built renderer: window URLs, request-to-file mapping (no path traversal,
// SPA fallback for the role routes), the Content-Security-Policy and the shell's own error page. Pure, so
// the security-relevant parts are unit-tested without Electron.
import { isAbsolute, relative, resolve } from 'node:path';
import { APP_HOST, APP_ORIGIN, APP_SCHEME, contentSecurityPolicy as commonCsp } from '../common/web-security.ts';
import type { HallAddress } from './app-config.ts';
import type { WindowKind } from './window-planner.ts';

export { APP_ORIGIN, APP_SCHEME };
const ROUTES = new Set(['/', '/console', '/desk', '/wall']);
const ERROR_PATH = '/__shell/error';

export function windowUrl(kind: WindowKind, monitor?: number): string {
  return `${APP_ORIGIN}/${kind}${monitor === undefined ? '' : `?monitor=${monitor}`}`;
}

export function errorPageUrl(message: string): string {
  return `${APP_ORIGIN}${ERROR_PATH}?m=${encodeURIComponent(message)}`;
}

/** True only for our own origin; used by the navigation guards and the IPC sender check. */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

export type AppResource = { kind: 'file'; path: string } | { kind: 'error-page'; message: string } | { kind: 'status'; status: 400 | 403 | 404 };

export function resolveAppRequest(rootDir: string, requestUrl: string): AppResource {
  if (!isAppUrl(requestUrl)) return { kind: 'status', status: 404 };
  const url = new URL(requestUrl);
  if (url.pathname === ERROR_PATH) return { kind: 'error-page', message: url.searchParams.get('m') ?? '' };
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'status', status: 400 };
  }
  if (pathname.includes('\0')) return { kind: 'status', status: 400 };
  const route = pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname;
  if (ROUTES.has(route)) return { kind: 'file', path: resolve(rootDir, 'index.html') };
  const file = resolve(rootDir, `.${pathname}`);
  const rel = relative(rootDir, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return { kind: 'status', status: 403 };
  return { kind: 'file', path: file };
}

/** The renderer's CSP inside Electron: the hall core on loopback (role hall) or at its LAN address (desk, wall). */
export function contentSecurityPolicy(hall?: HallAddress): string {
  return commonCsp(['http://127.0.0.1:*', ...(hall ? [`http://${hall.host}:${hall.port}`] : [])]);
}

export function errorPageHtml(message: string): string {
  const text = message.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>城运指挥大厅 — 故障</title>
<style>body{margin:0;height:100vh;display:grid;place-items:center;background:#10131a;color:#e8ecf3;font:20px sans-serif}
main{max-width:48em;text-align:center}h1{color:#ff5a5a}small{color:#8a93a6}</style></head>
<body><main><h1>运行异常，已停止自动重启</h1><p>请联系值班运维人员检查本机后重启软件。</p>
<p><small>Automatic restart stopped: ${text}</small></p></main></body></html>`;
}
