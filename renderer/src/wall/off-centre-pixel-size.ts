// Cesium sizes billboards and labels in screen pixels through its GLSL builtin czm_metersPerPixel, which
// takes the frustum's top and right planes for half its height and width: true only of a centred frustum. A
// wall monitor draws an off-centre slice of its region's view (region-frustum.ts), so on a 2×2 map every
// icon came out twice its size, and on the slice left of and below the view axis with no size at all (the
// bottom-left map monitor showed no icons). The builtin is replaced, before any shader is built, by the same
// function taking half of each plane span; for a centred frustum the two agree.
import ShaderSource from '@cesium/engine/Source/Renderer/ShaderSource.js';

const SYMMETRIC = ['float tanTheta = top * inverseNear;', 'tanTheta = right * inverseNear;'] as const;
const SPANS = ['float tanTheta = 0.5 * (top - bottom) * inverseNear;', 'tanTheta = 0.5 * (right - left) * inverseNear;'] as const;

/** The builtin's source with the planes' half spans; throws when Cesium's source is not the one this fixes. */
export function withPlaneSpans(source: string): string {
  return SYMMETRIC.reduce((patched, line, i) => {
    if (!patched.includes(line)) throw new Error(`czm_metersPerPixel has changed (no "${line}"): review off-centre-pixel-size.ts`);
    return patched.replace(line, SPANS[i]!);
  }, source);
}

const builtins = ShaderSource._czmBuiltinsAndUniforms;
if (!builtins.czm_metersPerPixel?.includes(SPANS[0])) builtins.czm_metersPerPixel = withPlaneSpans(builtins.czm_metersPerPixel ?? '');
