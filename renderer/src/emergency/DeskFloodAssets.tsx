// A joint desk's part of the flood assets in emergency command (S-6.5): every desk (a station running a shelter)
// reports its shelters' opening and occupancy; the water affairs desk (水务) also the flood-prone points and pumps.
// After roll call only (every report names who made it); nothing outside emergency command.
import '../styles/emergency.css';
import { WATER_DEPARTMENT } from '../../../electron/common/emergency/asset-rules.ts';
import type { SeatInfo } from '../../../electron/common/protocol.ts';
import { useHallState } from '../hall-context.tsx';
import { FloodPointEdits, PumpEdits, ShelterEdits } from './GaugesSection.tsx';

export function DeskFloodAssets({ seat, signedIn }: { seat: SeatInfo; signedIn: boolean }) {
  const { mode } = useHallState();
  if (mode.target.mode !== 'emergency') return null;
  return (
    <section className="emergency-section desk-flood" data-testid="desk-flood">
      <div className="emergency-columns">
        <ShelterEdits locked={!signedIn} />
        {seat.department === WATER_DEPARTMENT && (
          <div>
            <FloodPointEdits locked={!signedIn} />
            <PumpEdits locked={!signedIn} />
          </div>
        )}
      </div>
    </section>
  );
}
