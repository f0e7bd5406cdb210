// How much the map's picture may cost, from what draws it. A graphics card antialiases lines for almost
// nothing; a software renderer (a wall PC or kiosk without a usable GPU: Chromium falls back to SwiftShader,
// Mesa to llvmpipe) pays for every sample on the CPU, and 4× multisampling more than doubles the cost of every
// layer over the bare globe. There the wall draws single-sampled: slightly harder edges, twice the frames.

const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software rasterizer|microsoft basic render/i;

export const isSoftwareRenderer = (rendererName: string) => SOFTWARE_RENDERERS.test(rendererName);

/** Multisampling for the map: Cesium's default on a GPU, none on a software renderer. */
export const msaaSamplesFor = (rendererName: string) => (isSoftwareRenderer(rendererName) ? 1 : 4);

/** The WebGL renderer's name as the browser reports it ('' when it will not say). */
export function webglRendererName(): string {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return '';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return name;
}
