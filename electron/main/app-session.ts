// The app:// scheme and the session's lock-down: files come only from the built renderer, every response
// carries the CSP, and every permission request (camera, geolocation, notifications…) is refused.
import { pathToFileURL } from 'node:url';
import { net, protocol, type Session } from 'electron';
import { APP_SCHEME, errorPageHtml, resolveAppRequest } from './app-url.ts';

/** Must run before app 'ready'. Standard + secure gives app:// a real origin, fetch and workers like https. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

export function hardenSession(session: Session, rendererDir: string, csp: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.protocol.handle(APP_SCHEME, async (request) => {
    const headers = { 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff' };
    const resource = resolveAppRequest(rendererDir, request.url);
    if (resource.kind === 'status') return new Response(null, { status: resource.status, headers });
    if (resource.kind === 'error-page') {
      return new Response(errorPageHtml(resource.message), { headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } });
    }
    try {
      const file = await net.fetch(pathToFileURL(resource.path).toString());
      const merged = new Headers(file.headers);
      for (const [name, value] of Object.entries(headers)) merged.set(name, value);
      return new Response(file.body, { status: file.status, headers: merged });
    } catch {
      return new Response(null, { status: 404, headers });
    }
  });
}
