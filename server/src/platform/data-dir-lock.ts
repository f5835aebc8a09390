import path from "node:path";
import lockfile from "proper-lockfile";

export interface DataDirLock {
  release(): Promise<void>;
}

/** Raised when another process holds the data folder. */
export class DataDirBusyError extends Error {}

/**
 * Takes an exclusive lock on the embedded data folder: two processes on one PGlite folder corrupt it.
 * A lock left by a killed process goes stale within seconds, so a restart waits briefly and proceeds.
 */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const lockfilePath = path.join(dataDir, "frontline.lock");
  try {
    const release = await lockfile.lock(dataDir, {
      lockfilePath,
      stale: 5_000,
      update: 1_000,
      retries: { retries: 8, minTimeout: 500, maxTimeout: 1_000 },
      onCompromised: () => {
        // Losing the lock means another process may be writing the same files: stop rather than corrupt.
        process.stderr.write(`The lock on ${dataDir} was lost; stopping to protect the data.\n`);
        process.exit(1);
      },
    });
    let released = false;
    return {
      async release() {
        if (released) return;
        released = true;
        await release().catch(() => {});
      },
    };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ELOCKED") {
      throw new DataDirBusyError(
        `The data folder ${dataDir} is in use by another Frontline process. Stop it first, or set DATA_DIR to another folder.`,
      );
    }
    throw err;
  }
}
