// The console's 应急指挥 tab (Alt+0): the emergency's sections, each its own component.
import { GaugesSection } from './GaugesSection.tsx';

export function EmergencyTab() {
  return (
    <div className="emergency-tab" data-testid="emergency-tab">
      <GaugesSection />
    </div>
  );
}
