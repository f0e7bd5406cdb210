// A file taken by a file input or dropped on a box, sent to the hall, and what came of it (the console's imports).
import { useState, type DragEvent } from 'react';

export type ImportOutcome<A> = { kind: 'idle' } | { kind: 'importing'; file: string } | { kind: 'answered'; file: string; answer: A } | { kind: 'failed'; message: string };

export function useFileImport<A>(send: (file: File) => Promise<A>) {
  const [outcome, setOutcome] = useState<ImportOutcome<A>>({ kind: 'idle' });
  const [over, setOver] = useState(false);
  const upload = async (file: File) => {
    setOutcome({ kind: 'importing', file: file.name });
    try {
      setOutcome({ kind: 'answered', file: file.name, answer: await send(file) });
    } catch (error) {
      setOutcome({ kind: 'failed', message: String(error) });
    }
  };
  /** Spread on the drop box. */
  const dropZone = {
    onDragOver: (e: DragEvent) => { e.preventDefault(); setOver(true); },
    onDragLeave: () => setOver(false),
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      setOver(false);
      const file = e.dataTransfer.files[0];
      if (file) void upload(file);
    },
  };
  return { outcome, over, upload, dropZone };
}
