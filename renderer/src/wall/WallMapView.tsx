// Hosts the WallMap: created once per window and kept in a ref. The map is fed straight from the hall client
// (positions arrive every second; React does not re-render for them). React draws only the controls, the
// legend, the lock and the card of a followed case.
import { useEffect, useRef, useState } from 'react';
import type { CaseView } from '../../../electron/common/protocol.ts';
import { siteRules, type SiteConfig } from '../../../electron/common/site/site-config.ts';
import { useHall } from '../hall-context.tsx';
import { floodPlacesOf, type FloodPlaces } from '../emergency/use-flood-places.ts';
import { floodMarks } from './flood-marks.ts';
import { fetchMapData } from './map-data-api.ts';
import type { MapRegion } from './map-region.ts';
import { MapLegend } from './MapLegend.tsx';
import type { Partition } from './partition-layer.ts';
import { FollowedCaseCard } from './FollowedCaseCard.tsx';
import { usePatrolCoverage } from '../patrol/use-patrol.ts';
import { useShownTyphoon, useTyphoonEmergency } from '../typhoon/use-shown-typhoon.ts';
import { TyphoonReplay } from './TyphoonReplay.tsx';
import { useSharedSetting } from './use-shared-setting.ts';
import { WallMap } from './wall-map.ts';
import { useWallWords, type WallWord } from './wall-words.ts';

/** An unattended wall keeps asking until the hall answers. */
const DATA_RETRY_MS = 5_000;
const PARTITIONS: ReadonlyArray<[Partition, WallWord]> = [['cityOps', 'partitionCityOps'], ['police', 'partitionPolice'], ['governance', 'partitionGovernance']];

/** Which grades are 紧急类 (red rings, followed): the site's, none before the hall's welcome. */
const urgentGrades = (site: SiteConfig | null): ((urgency: string) => boolean) => (site ? siteRules(site).isUrgent : () => false);

export function WallMapView({ region }: { region: MapRegion }) {
  const { bridge, client } = useHall();
  const words = useWallWords();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<WallMap | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [locked, setLocked] = useState(false);
  const [followed, setFollowed] = useState<CaseView | null>(null);
  const [cardAt, setCardAt] = useState<{ x: number; y: number } | null>(null);
  const [partition, setPartition] = useSharedSetting<Partition>('partition', 'cityOps');
  const [heat, setHeat] = useSharedSetting<boolean>('heat', false);
  const [uncoveredShown, setUncoveredShown] = useSharedSetting<boolean>('uncovered', false);
  const [typhoonView, setTyphoonView] = useSharedSetting<boolean>('typhoonView', false);
  const typhoon = useShownTyphoon();
  // The switch into typhoon emergency turns the typhoon view on, the switch out of it off; in between it is the
  // wall's to toggle by hand.
  const typhoonEmergency = useTyphoonEmergency();
  const wasTyphoonEmergency = useRef(false);
  useEffect(() => {
    if (typhoonEmergency === wasTyphoonEmergency.current) return;
    wasTyphoonEmergency.current = typhoonEmergency;
    setTyphoonView(typhoonEmergency);
  }, [typhoonEmergency, setTyphoonView]);
  // The map once created, for the layers fed from child components (their effects run before this one's).
  const [map, setMap] = useState<WallMap | null>(null);
  // Today's coverage, asked for only while the overlay is shown.
  const coverage = usePatrolCoverage(undefined, uncoveredShown);
  const uncovered = coverage.status === 'ready' ? coverage.coverage.grids.filter((g) => !g.covered).map((g) => g.gridId) : null;
  const uncoveredKey = uncovered?.join() ?? '';

  useEffect(() => {
    const map = new WallMap(containerRef.current!, { onLockChange: setLocked, onFollow: setFollowed });
    mapRef.current = map;
    setMap(map);
    let shown = { cases: null as unknown, forces: null as unknown, flood: [] as unknown[] };
    let places: FloodPlaces | null = null;
    const showFlood = () => {
      const { floodPoints, pumps, shelters, site } = client.getState();
      if (places) map.showFlood(floodMarks({ ...places, pumps: site?.pumps ?? [] }, { floodPoints, pumps, shelters }));
    };
    const feed = () => {
      const { cases, forces, floodPoints, pumps, shelters, site } = client.getState();
      if (cases !== shown.cases) map.showCases(cases, urgentGrades(client.getState().site));
      if (forces !== shown.forces) map.showForces(forces);
      const flood = [floodPoints, pumps, shelters, site];
      if (flood.some((part, i) => part !== shown.flood[i])) showFlood();
      shown = { cases, forces, flood };
    };
    feed();
    const unsubscribe = client.subscribe(feed);

    const abort = new AbortController();
    let retry: ReturnType<typeof setTimeout> | undefined;
    const load = () =>
      fetchMapData(bridge, abort.signal).then(
        (data) => {
          map.showData(data);
          map.showCases(client.getState().cases, urgentGrades(client.getState().site));
          places = floodPlacesOf(data.layers.points.features);
          showFlood();
          setProblem(null);
          setLoaded(true);
        },
        (error: Error) => {
          if (abort.signal.aborted) return;
          setProblem(error.message);
          retry = setTimeout(load, DATA_RETRY_MS);
        },
      );
    void load();

    const resize = new ResizeObserver(() => map.resized());
    resize.observe(containerRef.current!);
    // The followed case's card sits beside it, on whichever monitor shows it.
    const stopCard = map.scene.postRender.addEventListener(() => {
      const at = map.followedOnCanvas();
      setCardAt((old) => (at === null ? null : old && Math.abs(old.x - at.x) < 2 && Math.abs(old.y - at.y) < 2 ? old : { x: at.x, y: at.y }));
    });
    return () => {
      stopCard();
      resize.disconnect();
      unsubscribe();
      abort.abort();
      clearTimeout(retry);
      map.destroy();
      mapRef.current = null;
      setMap(null);
    };
  }, [bridge, client]);

  useEffect(() => mapRef.current?.setRegion(region), [region]);
  useEffect(() => mapRef.current?.setPartition(partition), [partition]);
  useEffect(() => mapRef.current?.setHeatShown(heat), [heat]);
  useEffect(() => mapRef.current?.setUncoveredShown(uncoveredShown), [uncoveredShown]);
  // The key stands for the list: a refetch that changes nothing changes nothing on the map.
  useEffect(() => mapRef.current?.showUncovered(uncoveredKey ? uncoveredKey.split(',') : []), [uncoveredKey]);

  return (
    <div className="wall-map" data-testid="wall-map" data-region={`${region.cols}x${region.rows}@${region.col},${region.row}`}>
      <div ref={containerRef} className="wall-map-canvas" />
      {!loaded && <p className="wall-map-notice" role="status">{problem ? `${words('mapFailed')}${problem}` : words('mapLoading')}</p>}
      {region.first && (
        <div className="wall-map-controls">
          <div className="wall-toggle-group" role="group">
            {PARTITIONS.map(([name, word]) => (
              <button key={name} type="button" aria-pressed={partition === name} data-testid={`partition-${name}`} onClick={() => setPartition(name)}>
                {words(word)}
              </button>
            ))}
          </div>
          <button type="button" className="wall-toggle" aria-pressed={heat} data-testid="heat-toggle" onClick={() => setHeat(!heat)}>
            {words('heat')}
          </button>
          <button type="button" className="wall-toggle" aria-pressed={uncoveredShown} data-testid="uncovered-toggle" onClick={() => setUncoveredShown(!uncoveredShown)}>
            <span aria-hidden="true">▨</span> {words('uncovered')}{uncoveredShown && uncovered ? ` ${uncovered.length} ${words('gridsUnit')}` : ''}
          </button>
        </div>
      )}
      {typhoon && <TyphoonReplay map={map} shown={typhoon} view={typhoonView} setView={setTyphoonView} controls={region.first} />}
      {locked && (
        <button type="button" className="wall-map-lock" data-testid="map-release" onClick={() => mapRef.current?.releaseCamera()}>
          <span aria-hidden="true">🔒</span> {words('locked')} · {words('release')}
        </button>
      )}
      {followed && cardAt && <FollowedCaseCard view={followed} at={cardAt} />}
      {region.first && <MapLegend partition={partition} uncovered={uncoveredShown} />}
    </div>
  );
}
