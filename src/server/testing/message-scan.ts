/**
 * Finds, with the TypeScript compiler API, every sentence the server writes for people (I18N-SRV-4): the
 * messages given to the HttpError helpers, the socket's refusals, the meeting core's rejections, and the
 * `message:` of the field problems passed along with them. A template literal comes out as a catalogue key with
 * an empty placeholder for each `${…}` (`'{{}} was not found.'`); a message that is not written where it is used
 * (a variable, a call) is listed as dynamic with its place, so nothing is skipped silently.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** Calls whose argument at the index is a message people read. `notFound`'s is a noun ('That team'). */
const MESSAGE_ARGUMENT: Record<string, number> = {
  badRequest: 0,
  conflict: 0,
  forbidden: 0,
  tooManyRequests: 0,
  notFound: 0,
  HttpError: 2,
  refuse: 1,
  reject: 1,
  invalid: 0,
};

/** Zod checks of `src/contracts` whose string argument is the message a form or an API answer shows. */
const ZOD_CHECKS = new Set([
  'minLength',
  'maxLength',
  'length',
  'regex',
  'refine',
  'check',
  'email',
  'url',
  'gte',
  'lte',
  'gt',
  'lt',
  'minSize',
  'maxSize',
  'mime',
  'superRefine',
  'startsWith',
  'endsWith',
  'includes',
  'multipleOf',
  'positive',
  'nonnegative',
  'negative',
  'nonpositive',
  'minimum',
  'maximum',
]);

/**
 * The rules of data files (routines, instruments, the YAML reader) name their problems through small local
 * helpers: `add(path, message)`, `need(path, message)`, `fail(message)`, `at(…, message)` (its last argument).
 */
const DATA_RULE_DIRS = ['src/contracts', 'src/core/routines', 'src/core/yaml', 'src/core/roster'];
const DATA_RULE_ARGUMENT: Record<string, number | 'last'> = {
  add: 1,
  need: 1,
  fail: 0,
  at: 'last',
  // The OneRoster reader's `out.error(file, line, message)`, `out.warn(…)`, `out.warnOnce(file, line, kind, message)`.
  error: 'last',
  warn: 'last',
  warnOnce: 'last',
};

export interface FoundMessage {
  /** The sentence, or the noun of `notFound`, with `{{}}` for each template substitution. */
  text: string;
  kind: 'message' | 'noun';
  where: string;
}

export interface MessageScan {
  found: FoundMessage[];
  /** Messages computed at run time: `file:line expression`. */
  dynamic: string[];
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !path.includes('/testing/'))
      out.push(path);
  }
  return out;
}

function calleeName(node: ts.CallExpression | ts.NewExpression): string | undefined {
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

/** The text of a literal, a template with `{{}}` placeholders, or undefined when it is computed. */
function literalText(node: ts.Expression, consts: Map<string, string>): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    return node.head.text + node.templateSpans.map((span) => `{{}}${span.literal.text}`).join('');
  }
  if (ts.isParenthesizedExpression(node)) return literalText(node.expression, consts);
  if (ts.isIdentifier(node)) return consts.get(node.text);
  return undefined;
}

/** `const NAME = 'literal'` declared anywhere in the file. */
function constantsOf(source: ts.SourceFile): Map<string, string> {
  const consts = new Map<string, string>();
  const visit = (node: ts.Node) => {
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.initializer &&
      (ts.isStringLiteral(node.initializer) || ts.isNoSubstitutionTemplateLiteral(node.initializer)) &&
      ts.isVariableDeclarationList(node.parent) &&
      (node.parent.flags & ts.NodeFlags.Const) !== 0
    )
      consts.set(node.name.text, node.initializer.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return consts;
}

/** Scans the `.ts` files (tests and test support excluded) under each directory. */
export function scanMessages(root: string, dirs: readonly string[]): MessageScan {
  const found: FoundMessage[] = [];
  const dynamic: string[] = [];
  for (const file of dirs.flatMap((d) => filesUnder(join(root, d)))) {
    const text = readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const consts = constantsOf(source);
    const place = (node: ts.Node) =>
      `${relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const take = (node: ts.Expression, kind: FoundMessage['kind'], reportDynamic = true) => {
      // `a ? 'x' : 'y'` and `a ?? 'x'`: each branch is a message.
      if (ts.isConditionalExpression(node)) {
        take(node.whenTrue, kind, reportDynamic);
        take(node.whenFalse, kind, reportDynamic);
        return;
      }
      if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) {
        take(node.left, kind, reportDynamic);
        take(node.right, kind, reportDynamic);
        return;
      }
      const literal = literalText(node, consts);
      if (literal !== undefined) found.push({ text: literal, kind, where: place(node) });
      else if (reportDynamic) dynamic.push(`${place(node)} ${node.getText(source)}`);
    };
    /** `{ code|path|severity, message: '…' }` anywhere: an answer's, a field's or a roster problem's sentence. */
    const answerObject = (node: ts.Node) => {
      if (ts.isObjectLiteralExpression(node)) {
        const names = node.properties.map((p) => (p.name && ts.isIdentifier(p.name) ? p.name.text : ''));
        if (names.includes('code') || names.includes('path') || names.includes('severity')) {
          for (const p of node.properties)
            if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'message')
              take(p.initializer, 'message', false);
        }
      }
      ts.forEachChild(node, answerObject);
    };
    /** The `message:` of field problems (`[{ path: 'x', message: '…' }]`) inside a call's arguments. */
    const fieldMessages = (node: ts.Node) => {
      if (
        ts.isPropertyAssignment(node) &&
        ts.isIdentifier(node.name) &&
        node.name.text === 'message' &&
        ts.isObjectLiteralExpression(node.parent) &&
        node.parent.properties.some(
          (p) => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'path',
        )
      )
        take(node.initializer, 'message');
      ts.forEachChild(node, fieldMessages);
    };
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
        const name = calleeName(node);
        const index = name === undefined ? undefined : MESSAGE_ARGUMENT[name];
        // `reject`/`invalid` are the meeting core's; elsewhere (promises) those names mean something else.
        const ours =
          index !== undefined &&
          (!['reject', 'invalid'].includes(name ?? '') ||
            relative(root, file).startsWith('src/core/meeting'));
        const arg = ours ? node.arguments?.[index] : undefined;
        if (arg) take(arg, name === 'notFound' ? 'noun' : 'message');
        if (ours) for (const other of node.arguments ?? []) if (other !== arg) fieldMessages(other);
      }
      ts.forEachChild(node, visit);
    };
    const contracts = relative(root, file).startsWith('src/contracts');
    const dataRules = DATA_RULE_DIRS.some((d) => relative(root, file).startsWith(d));
    /** The messages of the data-file rules' helpers; only literals (`at` also takes plain positions). */
    const visitDataRules = (node: ts.Node) => {
      const callee = ts.isCallExpression(node)
        ? ts.isIdentifier(node.expression)
          ? node.expression.text
          : ts.isPropertyAccessExpression(node.expression)
            ? node.expression.name.text
            : undefined
        : undefined;
      if (ts.isCallExpression(node) && callee !== undefined) {
        const index = DATA_RULE_ARGUMENT[callee];
        const arg =
          index === 'last'
            ? node.arguments[node.arguments.length - 1]
            : index === undefined
              ? undefined
              : node.arguments[index];
        const literal = arg ? literalText(arg, consts) : undefined;
        // `at('id')` of the routine rules makes a path: a message has words.
        const message = literal !== undefined && (index !== 'last' || literal.includes(' '));
        if (arg && message) found.push({ text: literal, kind: 'message', where: place(arg) });
      }
      ts.forEachChild(node, visitDataRules);
    };
    if (dataRules) visitDataRules(source);
    /** In the contracts: the message of a Zod check, and `message:`/`error:` strings in any call's arguments. */
    const visitContract = (node: ts.Node) => {
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        if (
          ts.isPropertyAccessExpression(callee) &&
          ts.isIdentifier(callee.expression) &&
          callee.expression.text === 'z' &&
          ZOD_CHECKS.has(callee.name.text)
        ) {
          for (const arg of node.arguments) {
            const literal = literalText(arg, consts);
            if (literal !== undefined) found.push({ text: literal, kind: 'message', where: place(arg) });
          }
        }
      }
      if (
        ts.isPropertyAssignment(node) &&
        ts.isIdentifier(node.name) &&
        ['message', 'error'].includes(node.name.text) &&
        ts.isObjectLiteralExpression(node.parent)
      ) {
        const literal = literalText(node.initializer, consts);
        if (literal !== undefined)
          found.push({ text: literal, kind: 'message', where: place(node.initializer) });
      }
      ts.forEachChild(node, visitContract);
    };
    if (contracts) visitContract(source);
    else if (dataRules) answerObject(source);
    else {
      visit(source);
      answerObject(source);
    }
  }
  return { found, dynamic };
}
