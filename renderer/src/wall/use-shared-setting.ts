// A map setting (partition, heat) shared by every wall window of this browser: the monitors of one map region
// are separate windows, and one picture must not show two partitions.
import { useCallback, useEffect, useState } from 'react';

const CHANNEL = 'hall-wall-settings';

export function useSharedSetting<T extends string | boolean>(name: string, initial: T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    const channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (e: MessageEvent<{ name: string; value: T }>) => {
      if (e.data.name === name) setValue(e.data.value);
    };
    return () => channel.close();
  }, [name]);
  const share = useCallback(
    (next: T) => {
      setValue(next);
      const channel = new BroadcastChannel(CHANNEL);
      channel.postMessage({ name, value: next });
      channel.close();
    },
    [name],
  );
  return [value, share];
}
