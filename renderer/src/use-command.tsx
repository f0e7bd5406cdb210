// Sends a LAN command and keeps its outcome for the view: sending, done, or the hall's reason for refusing.
import { useState } from 'react';
import type { Command } from '../../electron/common/protocol.ts';
import { CommandRejected, type CommandAck } from './hall-client.ts';
import { useHall } from './hall-context.tsx';
import { useLanguage } from './i18n/language.tsx';

export type CommandStatus = { kind: 'idle' } | { kind: 'sending' } | { kind: 'done'; text: string } | { kind: 'failed'; text: string };

export function useCommand() {
  const { client } = useHall();
  const lang = useLanguage();
  const [status, setStatus] = useState<CommandStatus>({ kind: 'idle' });
  /** The hall's ack (its event's sequence), or null when it refused. */
  const send = async (command: Command, doneText: string): Promise<CommandAck | null> => {
    setStatus({ kind: 'sending' });
    try {
      const ack = await client.sendCommand(command);
      setStatus({ kind: 'done', text: doneText });
      return ack;
    } catch (error) {
      setStatus({ kind: 'failed', text: error instanceof CommandRejected ? `${lang.t('rejectedBy')}${error.message}` : String(error) });
      return null;
    }
  };
  return { status, send, fail: (text: string) => setStatus({ kind: 'failed', text }) };
}

export function CommandOutcome({ status, testId }: { status: CommandStatus; testId: string }) {
  const lang = useLanguage();
  return (
    <p className={`command-outcome status-${status.kind}`} data-testid={testId} role="status" aria-live="polite">
      {status.kind === 'sending' && lang.t('sending')}
      {(status.kind === 'done' || status.kind === 'failed') && status.text}
    </p>
  );
}
