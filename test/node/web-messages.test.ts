// Every word the web app shows comes from its message catalogue (web/src/i18n/en.ts), so a translation drops in
// without touching components: no letters in JSX text or in user-facing attributes, and no catalogue entry unused.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { en } from "../../web/src/i18n/en.ts";

const WEB = path.resolve(import.meta.dirname, "../../web/src");
const USER_FACING = new Set(["title", "placeholder", "aria-label", "alt", "label", "legend", "confirmLabel", "hint", "sub"]);
const LETTER = /\p{L}/u;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full);
    return /\.tsx?$/.test(name) && !full.includes(`${path.sep}i18n${path.sep}`) ? [full] : [];
  });
}

/** Literal text a reader would see: JSX text, string children, and user-facing attributes given as literals. */
function literalTexts(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && LETTER.test(node.text)) found.push(node.text.trim());
    if (ts.isJsxExpression(node) && node.expression && ts.isStringLiteralLike(node.expression) && ts.isJsxElement(node.parent)) {
      if (LETTER.test(node.expression.text)) found.push(node.expression.text);
    }
    if (ts.isJsxAttribute(node) && USER_FACING.has(node.name.getText()) && node.initializer) {
      const init = node.initializer;
      const value = ts.isStringLiteral(init)
        ? init.text
        : ts.isJsxExpression(init) && init.expression && ts.isStringLiteralLike(init.expression)
          ? init.expression.text
          : "";
      if (LETTER.test(value)) found.push(`${node.name.getText()}="${value}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("the web app's words", () => {
  it("come from the message catalogue: no literal text in components", () => {
    const literals = files(WEB).flatMap((file) => literalTexts(file).map((text) => `${path.relative(WEB, file)}: ${text}`));
    expect(literals).toEqual([]);
  });

  it("has no catalogue entry nothing uses (keys built from a status or level are used by their family)", () => {
    const code = files(WEB)
      .map((file) => readFileSync(file, "utf8"))
      .join("\n");
    const families = ["status.", "accountStatus.", "video.status.", "privacy."];
    const unused = Object.keys(en).filter(
      (key) => !code.includes(`"${key}"`) && !families.some((f) => key.startsWith(f) && key.split(".").length === f.split(".").length),
    );
    expect(unused).toEqual([]);
  });
});
