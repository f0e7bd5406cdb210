// A download the console starts from a button: which one is under way, and what came of the last one.
import { useState } from 'react';
import { useLanguage } from '../i18n/language.tsx';

export function useDownload() {
  const lang = useLanguage();
  const [working, setWorking] = useState<string | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async (key: string, fileName: string, fetchIt: () => Promise<void>) => {
    setWorking(key);
    setStatus(null);
    try {
      await fetchIt();
      setStatus({ ok: true, text: `${lang.t('downloaded')} ${fileName}` });
    } catch (error) {
      setStatus({ ok: false, text: (error as Error).message });
    } finally {
      setWorking(null);
    }
  };
  return { working, status, run };
}

export function DownloadStatus({ status, testId }: { status: { ok: boolean; text: string } | null; testId: string }) {
  return status ? <p className={`command-outcome status-${status.ok ? 'done' : 'failed'}`} data-testid={testId} role="status">{status.text}</p> : null;
}
