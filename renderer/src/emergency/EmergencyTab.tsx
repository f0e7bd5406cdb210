// The console's 应急指挥 tab (Alt+0): a column of sections — the command mode (current, switch, stand-down, history,
// who commands) first; then the typhoon tracks; warnings and gauges each add theirs.
import '../styles/modes.css';
import { TyphoonImport } from '../typhoon/TyphoonImport.tsx';
import { ModeSection } from './ModeSection.tsx';

export function EmergencyTab({ now }: { now: number }) {
  return (
    <div className="emergency-tab" data-testid="emergency-tab">
      <ModeSection />
      <TyphoonImport now={now} />
    </div>
  );
}
