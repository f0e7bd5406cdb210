// The console's 应急指挥 tab (Alt+0): a column of sections — the command mode (current, switch, stand-down, history,
// who commands) first; warnings, typhoon and gauges each add theirs below it.
import '../styles/modes.css';
import { ModeSection } from './ModeSection.tsx';

export function EmergencyTab() {
  return (
    <div className="emergency-tab" data-testid="emergency-tab">
      <ModeSection />
    </div>
  );
}
