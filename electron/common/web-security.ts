// The one source of the renderer's Content-Security-Policy and of the Electron shell's origin: the hall core
// serves the renderer with it over HTTP (headless), the Electron shell with it over app:// (desktop).
// Cesium needs blob: workers and images and WebAssembly (its decoders; eval stays forbidden); camera video
// comes through the hall only (it relays each camera's stream), hence media-src.

export const APP_SCHEME = 'app';
export const APP_HOST = 'hall';
/** Where Electron windows load the renderer from; they call the hall's /api/… across origins. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** `hallOrigins`: where the page reaches the hall besides its own origin (none when the hall serves the page). */
export function contentSecurityPolicy(hallOrigins: readonly string[] = []): string {
  const http = hallOrigins.map((o) => ` ${o}`).join('');
  const ws = hallOrigins.map((o) => ` ${o.replace(/^http/, 'ws')}`).join('');
  const elsewhere = hallOrigins.length > 0;
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    `connect-src 'self'${elsewhere ? http + ws : ' ws: wss:'}`,
    `img-src 'self' data: blob:${http}`,
    `media-src 'self'${http}`,
    "style-src 'self' 'unsafe-inline'",
    "worker-src 'self' blob:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
