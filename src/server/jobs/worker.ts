// The background worker: a loop over tasks (process inbound messages, run jobs, deliver the
// outbox). Each task does one bounded batch and says how much it did; the loop runs again at once
// while there is work and waits `intervalMs` when there is none. Tests call `drain()` instead of
// waiting, so nothing depends on wall-clock time.
import type { Deps } from "../deps.ts";

export interface WorkerTask {
  name: string;
  /** Does one batch; returns how many items it handled (0 when there was nothing to do). */
  run(deps: Deps): Promise<number>;
}

export interface Worker {
  /** Runs every task until none has work left; returns the items handled. */
  drain(maxRounds?: number): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

export function createWorker(deps: Deps, tasks: readonly WorkerTask[], intervalMs: number): Worker {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  let stopped = true;

  async function round(): Promise<number> {
    let handled = 0;
    for (const task of tasks) {
      try {
        handled += await task.run(deps);
      } catch (error) {
        // A failing task must not stop the others (a broken SMS driver must not stop new reports).
        deps.log.error({ err: error, task: task.name }, `background task ${task.name} failed`);
      }
    }
    return handled;
  }

  async function drain(maxRounds = 1000): Promise<number> {
    let total = 0;
    for (let i = 0; i < maxRounds; i++) {
      const handled = await round();
      total += handled;
      if (handled === 0) break;
    }
    return total;
  }

  function schedule(delay: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      running = round();
      running
        .then((handled) => schedule(handled > 0 ? 0 : intervalMs))
        .catch(() => schedule(intervalMs))
        .finally(() => {
          running = null;
        });
    }, delay);
  }

  return {
    drain,
    start() {
      if (!stopped) return;
      stopped = false;
      schedule(0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (running) await running.catch(() => 0);
    },
  };
}
