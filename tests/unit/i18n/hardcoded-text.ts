// Finds interface text written into components instead of the locale files: JSX text with a letter in it, and
// string literals given to the attributes a person reads (aria-label, title, placeholder, alt, label).
import ts from 'typescript';

/** Non-words a component may write directly: punctuation and the product's name. */
export const ALLOWED_TEXT = new Set(['·', '—', '–', '…', '×', '+', '−', '/', 'Rapport', '@', '↑', '↓', '→', '←']);

const READ_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label', 'aria-description']);
const LETTER = /\p{L}/u;

export interface Finding {
  line: number;
  text: string;
}

export function findHardCodedText(source: string, fileName = 'component.tsx'): Finding[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const findings: Finding[] = [];
  const report = (node: ts.Node, text: string) => {
    const trimmed = text.trim();
    if (!trimmed || ALLOWED_TEXT.has(trimmed) || !LETTER.test(trimmed)) return;
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    findings.push({ line: line + 1, text: trimmed });
  };
  const literalText = (node: ts.Node | undefined): string | undefined => {
    if (!node) return undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isJsxExpression(node)) return literalText(node.expression);
    if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
    if (ts.isConditionalExpression(node)) return [literalText(node.whenTrue), literalText(node.whenFalse)].filter(Boolean).join(' ') || undefined;
    return undefined;
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText(file))) {
      const text = literalText(node.initializer);
      if (text) report(node, text);
    } else if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      // {'Text'} or {cond ? 'Yes' : 'No'} written as a child.
      const text = literalText(node.expression);
      if (text) report(node, text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return findings;
}
