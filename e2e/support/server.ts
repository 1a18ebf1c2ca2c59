// Starts the real server (demo data, fresh PGlite directory) as a child process for one spec file.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

const repoRoot = resolve(import.meta.dirname, "../..");
const LISTENING = /Baraza is listening on (http:\/\/\S+)/;
const START_TIMEOUT_MS = 150_000;

/** The server serves dist/web; build it once if nobody has. */
export function ensureWebBuild(): void {
  if (existsSync(join(repoRoot, "dist/web/index.html"))) return;
  const vite = join(repoRoot, "node_modules/vite/bin/vite.js");
  const result = spawnSync(process.execPath, [vite, "build", "--config", "src/web/vite.config.ts"], {
    cwd: repoRoot,
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error(`The web build failed (exit ${result.status})`);
}

function waitForListening(child: ChildProcess, output: string[]): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => fail(new Error("the server did not start in time")), START_TIMEOUT_MS);
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(new Error(`${error.message}\n--- server output ---\n${output.join("")}`));
    };
    child.stdout?.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      output.push(text);
      const match = LISTENING.exec(output.join(""));
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.once("exit", (code) => fail(new Error(`the server exited with code ${code} before listening`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(kill);
      done();
    });
    child.kill("SIGTERM");
  });
}

export async function startServer(): Promise<RunningServer> {
  ensureWebBuild();
  const dataDir = await mkdtemp(join(tmpdir(), "baraza-e2e-"));
  const child = spawn(process.execPath, ["src/server/cli/main.ts", "serve", "--demo"], {
    cwd: repoRoot,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", BARAZA_DATA_DIR: dataDir, DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const stop = async () => {
    await stopChild(child);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const url = await waitForListening(child, output);
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
