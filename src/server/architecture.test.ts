// Keeps the layering honest: these rules are in ARCHITECTURE.md, and this test is what enforces them.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(ROOT, dir))) {
    const rel = path.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.(ts|tsx)$/.test(name)) out.push(rel);
  }
  return out;
}

function importsOf(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), "utf8");
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/g)].map(
    (m) => m[1] ?? "",
  );
}

/** Resolved repo-relative target of a relative import, or the bare package name. */
function target(file: string, spec: string): string {
  return spec.startsWith(".") ? path.normalize(path.join(path.dirname(file), spec)) : spec;
}

function violations(files: string[], isBad: (file: string, imported: string) => boolean): string[] {
  return files.flatMap((f) =>
    importsOf(f)
      .filter((spec) => isBad(f, target(f, spec)))
      .map((spec) => `${f} imports ${spec}`),
  );
}

const server = sourceFiles("src/server").filter((f) => !f.endsWith(".test.ts"));

describe("architecture", () => {
  it("the web app never imports server code", () => {
    expect(violations(sourceFiles("src/web"), (_f, t) => t.startsWith("src/server"))).toEqual([]);
  });

  it("common code is pure: no node built-ins, no database, no HTTP, no server code", () => {
    const io = /^(node:|fs$|path$|crypto$|pg$|drizzle-orm|fastify|@fastify\/|@electric-sql\/)/;
    expect(
      violations(sourceFiles("src/common"), (_f, t) => io.test(t) || t.startsWith("src/server")),
    ).toEqual([]);
  });

  it("route files do not query the database themselves", () => {
    const routes = server.filter((f) => f.endsWith(".routes.ts"));
    expect(routes.length).toBeGreaterThan(3);
    expect(
      violations(
        routes,
        (_f, t) => t.startsWith("drizzle-orm") || t.endsWith(".repo.ts") || t.endsWith(".table.ts"),
      ),
    ).toEqual([]);
  });

  it("a feature never imports another feature's repo", () => {
    const feature = (p: string) => p.match(/^src\/server\/features\/([^/]+)\//)?.[1];
    expect(
      violations(
        server,
        (f, t) => t.endsWith(".repo.ts") && feature(t) !== undefined && feature(t) !== feature(f),
      ),
    ).toEqual([]);
  });

  it("pure modules (common, triage, detection) do not import the database", () => {
    const pure = [...sourceFiles("src/common"), ...server.filter((f) => /\/(triage|detection)\//.test(f))];
    expect(violations(pure, (_f, t) => /(^drizzle-orm|^pg$|\/db\/|\.repo\.ts$)/.test(t))).toEqual([]);
  });

  it("source files stay under 400 lines", () => {
    const tooLong = [...server, ...sourceFiles("src/common"), ...sourceFiles("src/web")]
      .map((f) => [f, readFileSync(path.join(ROOT, f), "utf8").split("\n").length] as const)
      .filter(([, lines]) => lines > 400);
    expect(tooLong).toEqual([]);
  });
});
