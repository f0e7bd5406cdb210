// The map's code (Cesium, ~10 MB) is fetched when a monitor first shows the map. When several kiosks start at
// once with the hall, that fetch can fail; an unattended wall must not stay blank for it: try again, and after
// a few failures reload the page (a browser may remember a failed module import).
const ATTEMPTS = 4;
const PAUSE_MS = 2_000;

export async function loadMapModule(): Promise<typeof import('./WallMapView.tsx')> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await import('./WallMapView.tsx');
    } catch (error) {
      console.warn(`wall: map code did not load (attempt ${attempt}): ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS * attempt));
      if (attempt === ATTEMPTS) {
        window.location.reload();
        return new Promise(() => {}); // the page is going away
      }
    }
  }
}
