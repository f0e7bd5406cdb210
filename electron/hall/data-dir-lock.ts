// One hall core per data folder: SQLite would allow a second writer, the hall's in-memory log head would not.
import { openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';

export function acquireDataDirLock(dataDir: string): () => void {
  const file = join(dataDir, 'hall.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(file, 'utf8'));
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new Error(`data folder ${dataDir} is in use by another hall core (pid ${pid})`);
      }
      // Left behind by a hall that was killed: take it over.
      rmSync(file, { force: true });
    }
  }
  throw new Error(`could not lock data folder ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
