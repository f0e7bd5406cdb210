// A Cesium globe that never leaves the hall network: no ion, no imagery, no terrain server, no widgets. The
// globe is a plain dark ellipsoid; our own vector layers carry all the information.
// CesiumWidget from @cesium/engine rather than the full package's Viewer: the full bundle starts with
// Knockout, which evaluates a string at load and so cannot run under the hall's CSP (no 'unsafe-eval');
// with every Viewer widget switched off, CesiumWidget is the same globe without it.
import './cesium-base-url.ts';
import './off-centre-pixel-size.ts';
import '@cesium/engine/Source/Widget/CesiumWidget.css';
import { CesiumWidget, Color, EllipsoidTerrainProvider, Ion } from '@cesium/engine';
import { GLOBE_BASE, MAP_BACKGROUND } from './map-style.ts';
import { msaaSamplesFor, webglRendererName } from './render-quality.ts';

export function createOfflineMapWidget(container: HTMLElement): CesiumWidget {
  Ion.defaultAccessToken = '';
  const widget = new CesiumWidget(container, {
    baseLayer: false,
    terrainProvider: new EllipsoidTerrainProvider(),
    skyBox: false,
    skyAtmosphere: false,
    scene3DOnly: true,
    shouldAnimate: false,
    // Our translucent layers are flat fills at fixed heights, drawn in a fixed order: order-independent
    // translucency would add full-screen passes to every frame for no visible difference.
    orderIndependentTranslucency: false,
    msaaSamples: msaaSamplesFor(webglRendererName()),
    // Unattended for days: draw only when something changed.
    requestRenderMode: true,
    maximumRenderTimeChange: Infinity,
    // No third-party data is shown, so there is nothing to credit; the credit line would break the 20 px rule.
    creditContainer: document.createElement('div'),
  });
  const { scene } = widget;
  scene.backgroundColor = Color.fromCssColorString(MAP_BACKGROUND);
  scene.globe.baseColor = Color.fromCssColorString(GLOBE_BASE);
  scene.globe.showGroundAtmosphere = false;
  scene.globe.enableLighting = false;
  // A plain colour needs no fine tiles: coarse ones load in a few frames even on a CPU renderer. Their chords
  // lie inside the ellipsoid, so our layers (metres above it) always stay in front.
  scene.globe.maximumScreenSpaceError = 64;
  // For the same reason our layers may be depth-tested against the globe: nothing of ours can be hidden by it.
  // Otherwise Cesium clears the globe's depth and draws a depth plane over the whole screen every frame, to
  // hide what lies behind the horizon: half the bare globe's frame on a software renderer.
  scene.globe.depthTestAgainstTerrain = true;
  // Nothing on the wall asks for a picked position: no per-frame copy of the depth buffer for it.
  scene.useDepthPicking = false;
  scene.fog.enabled = false;
  if (scene.sun) scene.sun.show = false;
  if (scene.moon) scene.moon.show = false;
  // Crisp one-pixel outlines; FXAA would smear them into the background.
  scene.postProcessStages.fxaa.enabled = false;
  return widget;
}
