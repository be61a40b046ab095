import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { errorsEn, errorsZh } from "~/i18n/errors";
import { ERROR_CODES, isErrorCode } from "./error-codes";
import { errorMessage } from "./error-message";

const APP = path.resolve(__dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** `fail(…)` / `apiError(…)` / `refuse(…)` calls as source text, with their top-level arguments. */
function calls(source: string): Array<{ at: number; text: string; args: string[] }> {
  const found: Array<{ at: number; text: string; args: string[] }> = [];
  for (const match of source.matchAll(/\b(?:fail|apiError|refuse)\(/g)) {
    const start = match.index + match[0].length;
    const args: string[] = [];
    let depth = 1;
    let quote: string | null = null;
    let current = "";
    let i = start;
    for (; i < source.length && depth > 0; i++) {
      const c = source[i];
      if (quote) {
        current += c;
        if (c === "\\") current += source[++i];
        else if (c === quote) quote = null;
        continue;
      }
      if (c === '"' || c === "'" || c === "`") quote = c;
      else if ("([{".includes(c)) depth++;
      else if (")]}".includes(c) && --depth === 0) break;
      if (c === "," && depth === 1) {
        args.push(current.trim());
        current = "";
      } else current += c;
    }
    if (current.trim()) args.push(current.trim());
    found.push({ at: match.index, text: source.slice(match.index, i + 1), args });
  }
  return found;
}

describe("error codes", () => {
  it("gives every code a text in Chinese and in English", () => {
    const zh: Record<string, string> = errorsZh;
    const en: Record<string, string> = errorsEn;
    expect(ERROR_CODES.filter((code) => !zh[code] || !en[code])).toEqual([]);
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });

  it("keys every text by a declared code, or a code and a context", () => {
    const orphans = Object.keys(errorsZh).filter(
      (key) =>
        !isErrorCode(key) &&
        !ERROR_CODES.some(
          (code) => key.startsWith(`${code}_`) && /^[a-z][A-Za-z]*$/.test(key.slice(code.length + 1)),
        ),
    );
    expect(orphans).toEqual([]);
  });

  it("says in Chinese exactly what each module says, so translating changed no Chinese text", () => {
    // A plain-string message must be reproduced by its code (and literal context); a message with
    // values must hand them over as params, or its translation could not say them.
    const problems: string[] = [];
    for (const file of sourceFiles(APP)) {
      const source = readFileSync(file, "utf8");
      for (const call of calls(source)) {
        const lineStart = source.lastIndexOf("\n", call.at) + 1;
        if (/^\s*(\*|\/\/)/.test(source.slice(lineStart, call.at))) continue; // an example in a comment
        const codeIndex = call.args.findIndex(
          (arg) => /^"[a-z_]+"$/.test(arg) && isErrorCode(arg.slice(1, -1)),
        );
        if (codeIndex < 0) continue;
        const code = call.args[codeIndex].slice(1, -1);
        const message = call.args[codeIndex + 1] ?? "";
        const rest = call.args.slice(codeIndex + 2).join(", ");
        const where = `${path.relative(APP, file)}:${source.slice(0, call.at).split("\n").length}`;
        if (/^"[^"]*"$/.test(message)) {
          // `{ field, params: {…} }` for fail() and apiError(); the params object itself for the
          // state machines' own fail(code, message, params).
          const literal =
            /params:\s*(\{[^{}]*\})/.exec(rest)?.[1] ?? (/^\{[^{}]*\}$/.test(rest) ? rest : undefined);
          if (/params:/.test(rest) ? !literal : rest !== "" && !literal && !/^"\w+"$|^[\w.]+$/.test(rest))
            continue;
          const entries = (literal ?? "{}")
            .slice(1, -1)
            .split(",")
            .map((entry) => entry.trim())
            .filter(Boolean);
          const values = entries.map((entry) => /^(\w+):\s*(?:"([^"]*)"|(\d+))$/.exec(entry));
          if (values.some((value) => !value)) continue; // a value computed at run time
          const params = Object.fromEntries(
            values.map((value) => [value![1], value![2] ?? Number(value![3])]),
          );
          const text = errorMessage({ code, message: "", params }, "zh");
          if (text !== message.slice(1, -1))
            problems.push(
              `${where}: errors.${code} with ${JSON.stringify(params)} is “${text}”, the module says ${message}`,
            );
        } else if (
          !/\bparams\b|\{\s*(context|[a-z]+):/.test(rest) &&
          !/^(?:[A-Z_]+|[a-z.]+\(\))$/.test(message)
        ) {
          problems.push(`${where}: ${code} has a message with values but passes no params`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("errorMessage", () => {
  const stale = {
    code: "stale",
    message: "这条内容已被他人修改（你编辑的是第 1 版，当前是第 2 版）。请刷新后再改，你的修改尚未保存。",
    params: { context: "piece", yours: 1, current: 2 },
  };

  it("reads a code's text in the asked language, with its values", () => {
    expect(errorMessage(stale, "zh")).toBe(stale.message);
    expect(errorMessage(stale, "en")).toBe(
      "Someone else changed this piece (you edited version 1, it is now version 2). Refresh before editing; your changes were not saved.",
    );
  });

  it("falls back from an unknown context to the code's own text", () => {
    expect(
      errorMessage({ code: "not_found", message: "某物不存在。", params: { context: "gadget" } }, "en"),
    ).toBe("Not found.");
  });

  it("keeps the module's message for an unknown code, and when a value the text needs is missing", () => {
    expect(errorMessage({ code: "no_such_code", message: "模块自己的话" }, "en")).toBe("模块自己的话");
    expect(errorMessage({ code: "throttled", message: "登录失败次数过多，请 3 分钟后再试。" }, "en")).toBe(
      "登录失败次数过多，请 3 分钟后再试。",
    );
  });

  it("names statuses and actions in the reader's language", () => {
    const failure = {
      code: "invalid_transition",
      message: "…",
      params: { from: "draft", action: "publish" },
    };
    expect(errorMessage(failure, "zh")).toBe("当前状态「草稿」不能执行「发布」。");
    expect(errorMessage(failure, "en")).toMatch(/“Publish” is not possible while the status is “Draft”/);
  });
});
