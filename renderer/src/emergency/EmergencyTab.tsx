// The console's 应急指挥 tab (Alt+0): a column of sections — the command mode (current, switch, stand-down, history,
// who commands) first; the CAP warnings with their proposals; then the typhoon tracks and the gauges, flood points,
// pumps and shelters.
import '../styles/modes.css';
import { TyphoonImport } from '../typhoon/TyphoonImport.tsx';
import { GaugesSection } from './GaugesSection.tsx';
import { ModeSection } from './ModeSection.tsx';
import { WarningSection } from './WarningSection.tsx';

export function EmergencyTab({ now }: { now: number }) {
  return (
    <div className="emergency-tab" data-testid="emergency-tab">
      <ModeSection />
      <WarningSection now={now} />
      <TyphoonImport now={now} />
      <GaugesSection />
    </div>
  );
}
