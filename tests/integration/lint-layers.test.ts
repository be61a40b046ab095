import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ overrideConfigFile: path.resolve("scripts/eslint.config.js") });

/** The rule ids that the project's lint config reports for `code` placed at `file`. */
async function violations(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(file) });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe("layers enforced by lint", () => {
  it("refuses SQL in routes", async () => {
    expect(
      await violations("app/routes/scratch.ts", 'import { eq } from "drizzle-orm";\nexport const a = eq;\n'),
    ).toEqual(["no-restricted-imports"]);
    expect(
      await violations(
        "app/routes/scratch.ts",
        'import { schema } from "~/lib/db.server";\nexport const a = schema;\n',
      ),
    ).toEqual(["no-restricted-imports"]);
  });

  it("refuses Remix, React and components in modules", async () => {
    expect(
      await violations(
        "app/modules/x/scratch.ts",
        'import { json } from "@remix-run/node";\nexport const a = json;\n',
      ),
    ).toEqual(["no-restricted-imports"]);
    expect(
      await violations(
        "app/modules/x/scratch.ts",
        'import { useState } from "react";\nexport const a = useState;\n',
      ),
    ).toEqual(["no-restricted-imports"]);
  });

  it("refuses server modules in components, even for types", async () => {
    expect(
      await violations(
        "app/components/scratch.ts",
        'import type { Db } from "~/lib/db.server";\nexport type A = Db;\n',
      ),
    ).toEqual(["no-restricted-imports"]);
  });

  it("keeps time zones and date formatting in the one date module", async () => {
    const code =
      'export const a = new Intl.DateTimeFormat("zh-CN");\nexport const b = new Date().toLocaleString();\nexport const c = "+08:00";\n';
    expect(await violations("app/components/scratch.ts", code)).toEqual([
      "no-restricted-syntax",
      "no-restricted-syntax",
      "no-restricted-syntax",
    ]);
    expect(await violations("app/lib/dates.ts", code)).toEqual([]);
  });

  it("accepts what the layers allow", async () => {
    expect(
      await violations(
        "app/routes/scratch.ts",
        'import { json } from "@remix-run/node";\nexport const a = json;\n',
      ),
    ).toEqual([]);
  });
});
