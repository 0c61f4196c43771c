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

/** Names of the properties that carry a sentence for a person in Rapport's plain modules. */
const TEXT_PROPERTIES = new Set(['message', 'reason', 'title', 'error', 'text', 'label', 'hint']);
/** A locale key such as `errors.contactGone`: what a schema's own message must be (model/user-text.ts). */
const KEY = /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+$/;
/** A sentence: two words with letters. One word (an id, a code, a CSS value) is not. */
const SENTENCE = /\p{L}{2,}[\s\u00a0]+\p{L}{2,}/u;
const ERROR_CLASSES = new Set(['Error', 'TypeError', 'UserError', 'ImportFailure', 'RangeError']);
const ZOD_MESSAGE_METHODS = new Set(['refine', 'regex', 'min', 'max', 'length', 'superRefine']);

/**
 * Finds English written into a module that produces text for people (errors, reasons, zod messages) rather than
 * a locale key: string literals given to `new Error(…)` and Rapport's error classes, to `throw`, to the
 * properties above in an object literal, returned as a problem, or given to a zod check as its message. Console
 * lines are for developers and are not looked at.
 */
export function findUserFacingLiterals(source: string, fileName = 'module.ts'): Finding[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const findings: Finding[] = [];
  const text = (node: ts.Node | undefined): string | undefined => {
    if (!node) return undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
    if (ts.isConditionalExpression(node)) return [text(node.whenTrue), text(node.whenFalse)].filter(Boolean).join(' ') || undefined;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) return text(node.right);
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.BarBarToken) return text(node.right);
    return undefined;
  };
  const report = (node: ts.Node): void => {
    // Each branch on its own: `site ? 'validation.a' : 'validation.b'` is two keys.
    if (ts.isConditionalExpression(node)) return [node.whenTrue, node.whenFalse].forEach(report);
    const said = text(node);
    if (!said || KEY.test(said.trim()) || !SENTENCE.test(said)) return;
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    findings.push({ line: line + 1, text: said.trim() });
  };
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && ERROR_CLASSES.has(node.expression.text)) {
      node.arguments?.forEach(report);
    } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && ERROR_CLASSES.has(node.expression.text)) {
      node.arguments.forEach(report);
    } else if (ts.isThrowStatement(node)) {
      report(node.expression);
    } else if (ts.isPropertyAssignment(node) && TEXT_PROPERTIES.has(node.name.getText(file))) {
      report(node.initializer);
    } else if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      ZOD_MESSAGE_METHODS.has(node.expression.name.text) &&
      node.arguments.length >= 2
    ) {
      // z.string().min(1, 'a name is required'), .refine(check, 'too many tags'), .regex(re, '…')
      report(node.arguments[1]!);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return findings;
}
