import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/** The folder layout is the architecture: these rules keep it true. */

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => join(entry.parentPath, entry.name));
}

const importsOf = (file: string) => [...readFileSync(file, "utf8").matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]);

describe("functions/src/domain", () => {
  const files = sources("functions/src/domain");

  it("when any domain file is read, then it imports no Firebase or Google Cloud SDK and no outer layer", () => {
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      for (const source of importsOf(file)) {
        expect(source, `${file} imports ${source}`).not.toMatch(/^(firebase|firebase-admin|firebase-functions|@firebase|@google-cloud)(\/|$)/);
        expect(source, file).not.toMatch(/\.\.\/(adapters|usecases|functions|edge|schemas)\//);
      }
    }
  });

  it("when any domain file is read, then it takes time and randomness as arguments", () => {
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      expect(text, file).not.toMatch(/Date\.now\(|new Date\(\)|Math\.random\(/);
    }
  });
});

describe("functions/src/schemas (shared with the web app)", () => {
  it("when any schema file is read, then it imports only zod, other schemas and the domain", () => {
    for (const file of sources("functions/src/schemas")) {
      for (const source of importsOf(file)) {
        expect(source === "zod" || source.startsWith("zod/") || source.startsWith("./") || source.startsWith("../domain/"), `${file} imports ${source}`).toBe(
          true,
        );
        expect(source, `${file} must not reach node:crypto through privacy.ts`).not.toMatch(/privacy/);
      }
    }
  });
});

describe("ports, adapters and the composition root", () => {
  const layer = (dir: string) => sources(`functions/src/${dir}`);

  it("when an adapter is read, then it imports no use case (only the port declarations)", () => {
    const adapters = layer("adapters");
    expect(adapters.length).toBeGreaterThan(5);
    for (const file of adapters) {
      for (const source of importsOf(file)) {
        if (/usecases\//.test(source)) expect(source, `${file} imports ${source}`).toMatch(/usecases\/ports\.js$/);
        expect(source, `${file} imports ${source}`).not.toMatch(/\.\.\/(functions|edge)\/|composition\.js$/);
      }
    }
  });

  it("when a use case is read, then it reaches the outside only through ports", () => {
    for (const file of layer("usecases")) {
      for (const source of importsOf(file)) {
        expect(source, `${file} imports ${source}`).not.toMatch(/\.\.\/(adapters|functions|edge)\/|composition\.js$|^firebase|^@google-cloud/);
      }
    }
  });

  it("when a trigger or an edge is read, then it takes adapters from the composition root, never directly", () => {
    for (const file of [...layer("functions"), ...layer("edge")]) {
      for (const source of importsOf(file)) expect(source, `${file} imports ${source}`).not.toMatch(/adapters\//);
    }
  });

  it("when a use case declares an interface with asynchronous methods, then it is a port and lives in usecases/ports.ts", () => {
    for (const file of layer("usecases").filter((f) => !f.endsWith("ports.ts"))) {
      const interfaces = readFileSync(file, "utf8").match(/interface \w+[^{]*\{[^}]*\}/g) ?? [];
      for (const declared of interfaces) expect(declared, `${file}: a port outside ports.ts`).not.toMatch(/Promise</);
    }
  });

  it("when the port set is read, then every port the use cases name is in it and built by the composition root", () => {
    const ports = readFileSync("functions/src/usecases/ports.ts", "utf8");
    const declared = /export interface Ports \{([^}]*)\}/.exec(ports)?.[1] ?? "";
    const names = [...declared.matchAll(/^\s+(\w+):/gm)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(10);
    const root = readFileSync("functions/src/composition.ts", "utf8");
    for (const name of names) expect(root, `composition.ts builds ${name}`).toMatch(new RegExp(`\\b${name}\\b`));
  });
});

describe("functions/src/functions", () => {
  it("when a deployed function's file is read, then it is small and index.ts only re-exports", () => {
    for (const file of sources("functions/src/functions")) {
      expect(readFileSync(file, "utf8").split("\n").length, file).toBeLessThan(80);
    }
    const index = readFileSync("functions/src/index.ts", "utf8")
      .split("\n")
      .filter((l) => l.trim() && !l.startsWith("/**") && !l.startsWith(" *"));
    for (const line of index) expect(line, line).toMatch(/^(export \{ \w+ \} from "\.\/functions\/\w+\.js";|import "\.\/config\.js";)$/);
  });
});
