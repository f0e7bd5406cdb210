// The typhoon on the map (S-6.5, S-8.3): the track so far as segments coloured by the category at their start,
// the latest forecasts as dashed paths inside their cone (opaque pieces over the globe, so where pieces overlap
// the union shows one even tint), the 7/10/12-level wind circles by quadrant around the storm at the replay
// instant, the storm's centre, and the street. The track and cone change only with a new track; the centre and
// circles move with the replay clock (Cesium's, driven by wall-map.ts), redrawn when a minute of storm time has
// passed. Shown only in the typhoon view: over the street's own scale it would cover the street.
import {
  BlendOption, Cartesian3, Color, GeometryInstance, Material, PerInstanceColorAppearance, PointPrimitiveCollection, PolygonGeometry,
  PolygonHierarchy, PolylineCollection, Primitive, Rectangle, ColorGeometryInstanceAttribute, type PointPrimitive, type Scene,
} from '@cesium/engine';
import { WindLevel } from '../../../electron/common/typhoon/categories.ts';
import { forecastCone } from '../../../electron/common/typhoon/forecast-cone.ts';
import type { LatLon } from '../../../electron/common/typhoon/sphere.ts';
import type { TrackFix, TyphoonTrack } from '../../../electron/common/typhoon/track-schema.ts';
import { forecastPath, stateAt, trackStateAt } from '../../../electron/common/typhoon/track-state.ts';
import { latestForecasts } from '../../../electron/common/typhoon/typhoon-situation.ts';
import { windCircleRing } from '../../../electron/common/typhoon/wind-circles.ts';
import { overGlobe } from './map-batches.ts';
import { TYPHOON } from './map-style.ts';

/** Metres above the ellipsoid: the cone under the paths, the circles over them. */
const CONE_HEIGHT = 200;
const PATH_HEIGHT = 1_500;
const CIRCLE_HEIGHT = 2_000;
const MARK_HEIGHT = 2_500;
const REDRAW_STEP_MS = 60_000;

/** Longitudes east in [0, 360) as Cesium's (−180, 180]. */
const west180 = (lon: number) => (lon > 180 ? lon - 360 : lon);
const at = (p: LatLon, height: number) => Cartesian3.fromDegrees(west180(p.lon), p.lat, height);

export class TyphoonLayer {
  readonly #scene: Scene;
  readonly #paths: PolylineCollection;
  readonly #circles: PolylineCollection;
  readonly #marks: PointPrimitiveCollection;
  #cone: Primitive | undefined;
  #centre: PointPrimitive | undefined;
  #track: TyphoonTrack | null = null;
  #shown = false;
  #drawnAt = Number.NaN;
  #bounds: Rectangle | undefined;

  constructor(scene: Scene) {
    this.#scene = scene;
    this.#paths = scene.primitives.add(new PolylineCollection());
    this.#circles = scene.primitives.add(new PolylineCollection());
    this.#marks = scene.primitives.add(new PointPrimitiveCollection({ blendOption: BlendOption.OPAQUE }));
    this.#applyShown();
  }

  /** The track's, its forecasts' and the street's extent, once a track is shown. */
  get bounds(): Rectangle | undefined {
    return this.#bounds;
  }

  get ready(): boolean {
    return !this.#shown || !this.#cone || this.#cone.ready;
  }

  setShown(shown: boolean): void {
    this.#shown = shown;
    this.#applyShown();
  }

  show(track: TyphoonTrack | null, street: LatLon | null): void {
    this.#track = track;
    this.#paths.removeAll();
    this.#marks.removeAll();
    this.#circles.removeAll();
    if (this.#cone) this.#scene.primitives.remove(this.#cone);
    this.#cone = undefined;
    this.#centre = undefined;
    this.#drawnAt = Number.NaN;
    this.#bounds = undefined;
    if (!track) return;
    this.#drawTrack(track);
    const forecasts = latestForecasts(track);
    const dash = new Material({
      fabric: { type: Material.PolylineDashType, uniforms: { color: Color.fromCssColorString(TYPHOON.forecast.color), gapColor: Color.TRANSPARENT, dashLength: TYPHOON.forecast.dashPx } },
      translucent: false,
    });
    for (const forecast of forecasts) {
      this.#paths.add({ positions: forecastPath(track, forecast).map((p) => at(p, PATH_HEIGHT)), width: TYPHOON.forecast.widthPx, material: dash });
    }
    const pieces = forecasts.flatMap((f) => forecastCone(track, f).pieces).filter((ring) => ring.length >= 4);
    if (pieces.length) {
      const color = ColorGeometryInstanceAttribute.fromColor(overGlobe(TYPHOON.cone.color, TYPHOON.cone.alpha));
      this.#cone = this.#scene.primitives.add(new Primitive({
        geometryInstances: pieces.map((ring) => new GeometryInstance({
          geometry: new PolygonGeometry({
            polygonHierarchy: new PolygonHierarchy(ring.map(([lon, lat]) => at({ lon, lat }, CONE_HEIGHT))),
            perPositionHeight: true, vertexFormat: PerInstanceColorAppearance.FLAT_VERTEX_FORMAT,
          }),
          attributes: { color },
        })),
        appearance: new PerInstanceColorAppearance({ flat: true, translucent: false }),
        asynchronous: false,
      }));
    }
    if (street) {
      this.#marks.add({
        position: at(street, MARK_HEIGHT), pixelSize: TYPHOON.street.pixelSize, color: Color.fromCssColorString(TYPHOON.street.color),
        outlineColor: Color.fromCssColorString(TYPHOON.street.outline), outlineWidth: 3, disableDepthTestDistance: Number.POSITIVE_INFINITY,
      });
    }
    const everything: LatLon[] = [...track.fixes, ...forecasts.flatMap((f) => f.points), ...(street ? [street] : [])];
    const lons = everything.map((p) => west180(p.lon));
    const lats = everything.map((p) => p.lat);
    this.#bounds = Rectangle.fromDegrees(Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats));
    this.#applyShown();
  }

  /** Moves the storm to instant `t`; returns whether anything on the map changed. */
  setTime(t: number): boolean {
    const track = this.#track;
    if (!track || Math.abs(t - this.#drawnAt) < REDRAW_STEP_MS) return false;
    this.#drawnAt = t;
    const state = trackStateAt(track, t) ?? forecastStateAt(track, t);
    this.#circles.removeAll();
    if (this.#centre) this.#marks.remove(this.#centre);
    this.#centre = undefined;
    if (!state) return true;
    for (const level of WindLevel.options) {
      const ring = windCircleRing(state, state.radii[level]);
      if (ring) this.#circles.add({ positions: ring.map(([lon, lat]) => at({ lon, lat }, CIRCLE_HEIGHT)), width: TYPHOON.circleWidthPx, material: Material.fromType('Color', { color: Color.fromCssColorString(TYPHOON.circles[level]) }) });
    }
    this.#centre = this.#marks.add({
      position: at(state, MARK_HEIGHT), pixelSize: TYPHOON.centre.pixelSize, color: Color.fromCssColorString(TYPHOON.centre.color),
      outlineColor: Color.fromCssColorString(TYPHOON.centre.outline), outlineWidth: 4, disableDepthTestDistance: Number.POSITIVE_INFINITY,
    });
    return true;
  }

  #drawTrack(track: TyphoonTrack): void {
    const fixes = track.fixes;
    for (let i = 1; i < fixes.length; i++) {
      const [a, b] = [fixes[i - 1]!, fixes[i]!];
      this.#paths.add({
        positions: [at(a, PATH_HEIGHT), at(b, PATH_HEIGHT)], width: TYPHOON.trackWidthPx,
        material: Material.fromType('Color', { color: Color.fromCssColorString(TYPHOON.category[a.category]) }),
      });
    }
  }

  #applyShown(): void {
    this.#paths.show = this.#circles.show = this.#marks.show = this.#shown;
    if (this.#cone) this.#cone.show = this.#shown;
  }
}

/** After the last fix the replay follows the first of the latest forecasts. */
function forecastStateAt(track: TyphoonTrack, t: number): TrackFix | null {
  const [first] = latestForecasts(track);
  if (!first) return null;
  const path = forecastPath(track, first);
  const last = path.at(-1)!;
  return t > track.fixes.at(-1)!.t && t <= last.t ? stateAt(path, t) : null;
}
