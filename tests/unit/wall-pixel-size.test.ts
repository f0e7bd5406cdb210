// The wall's replacement for Cesium's czm_metersPerPixel (renderer/src/wall/off-centre-pixel-size.ts): it
// must apply to the Cesium this project ships, and refuse loudly if that source ever changes.
import ShaderSource from '@cesium/engine/Source/Renderer/ShaderSource.js';
import original from '@cesium/engine/Source/Shaders/Builtin/Functions/metersPerPixel.js';
import { describe, expect, it } from 'vitest';
import { withPlaneSpans } from '../../renderer/src/wall/off-centre-pixel-size.ts';

describe('czm_metersPerPixel for off-centre frusta', () => {
  it('takes half of each plane span instead of the top and right planes', () => {
    const patched = withPlaneSpans(original);
    expect(original).toContain('float tanTheta = top * inverseNear;');
    expect(patched).not.toContain('top * inverseNear');
    expect(patched).not.toContain('right * inverseNear');
    expect(patched).toContain('0.5 * (top - bottom) * inverseNear');
    expect(patched).toContain('0.5 * (right - left) * inverseNear');
  });

  it('is what Cesium builds shaders from once the wall has loaded it', () => {
    expect(ShaderSource._czmBuiltinsAndUniforms.czm_metersPerPixel).toBe(withPlaneSpans(original));
  });

  it('names itself when Cesium\'s source is not the one it fixes', () => {
    expect(() => withPlaneSpans('float czm_metersPerPixel(vec4 p) { return 1.0; }')).toThrow(/czm_metersPerPixel has changed.*off-centre-pixel-size\.ts/);
  });
});
