// A dashed polyline material. One per polyline: a polyline destroys its material with itself (on removeAll or
// the collection's destroy), so a material shared by two polylines is destroyed twice and Cesium throws.
import { Color, Material } from '@cesium/engine';

export const dashMaterial = (css: string, dashPx: number): Material =>
  new Material({
    fabric: { type: Material.PolylineDashType, uniforms: { color: Color.fromCssColorString(css), gapColor: Color.TRANSPARENT, dashLength: dashPx } },
    translucent: false,
  });
