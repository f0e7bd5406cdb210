// The console's emergency command tab (应急指挥, S-6): its sections side by side; this one holds the typhoon tracks.
import { TyphoonImport } from '../typhoon/TyphoonImport.tsx';

export function EmergencyTab({ now }: { now: number }) {
  return (
    <div className="emergency-tab" data-testid="emergency-tab">
      <TyphoonImport now={now} />
    </div>
  );
}
