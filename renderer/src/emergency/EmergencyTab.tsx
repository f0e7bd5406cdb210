// The console's 应急指挥 tab (Alt+0): a column of sections; the CAP warnings with their proposals here.
import { WarningSection } from './WarningSection.tsx';

export function EmergencyTab() {
  return (
    <div className="emergency-tab" data-testid="emergency-tab">
      <WarningSection />
    </div>
  );
}
