// The real server as a child process, for tests that must kill it (crash.int.test.ts) and for
// benchmarks that must not share an event loop with their load generator.
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

const REPO_ROOT = path.resolve(import.meta.dirname, "../../../..");
const LISTENING = /Baraza is listening on (http:\/\/\S+)/;

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** Resolves once the process has exited; SIGKILL gives it no chance to clean up. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** A port free right now on the loopback interface (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

/**
 * Runs `script` (relative to the repository) with Node and waits for "Baraza is listening on".
 * `env` is added to a clean copy of this process's environment without gateway secrets, so a
 * developer's own BARAZA_CHANNEL_TOKEN cannot change what a test sees.
 */
export function startServerProcess(
  env: Record<string, string>,
  script = "src/server/cli/main.ts",
  args: string[] = ["serve"],
  timeoutMs = 60_000,
): Promise<ServerProcess> {
  const base = { ...process.env };
  delete base.BARAZA_CHANNEL_TOKEN;
  delete base.TWILIO_AUTH_TOKEN;
  const child = spawn(process.execPath, [script, ...args], {
    cwd: REPO_ROOT,
    env: { ...base, HOST: "127.0.0.1", BARAZA_LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const chunks: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
  const output = () => chunks.join("");
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`The server did not start within ${timeoutMs} ms:\n${output()}`));
    }, timeoutMs);
    const onData = () => {
      const match = LISTENING.exec(output());
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      resolve({
        url: match[1],
        child,
        output,
        async kill(signal) {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          await exited;
        },
      });
    };
    child.stdout?.on("data", onData);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${code ?? signal}) before listening:\n${output()}`));
    });
  });
}
