/**
 * Scenario conditions (`when`): `flag`, `not flag`, `name OP number` (OP: >= <= > < == !=),
 * joined by `and` / `or` (`and` binds tighter), parentheses allowed.
 *
 * Hand-written on purpose: the grammar is a dozen lines, the parser runs in the scenario island
 * (every kilobyte counts against the quiz size budget), and general expression libraries
 * (expr-eval, jexl, filtrex…) accept far more syntax than the contract allows and cannot tell
 * a flag from a number, which the validator must reject. Pure; no eval.
 */

export type CmpOp = '>=' | '<=' | '>' | '<' | '==' | '!=';

export type Cond =
  | { type: 'flag'; name: string }
  | { type: 'not'; expr: Cond }
  | { type: 'cmp'; name: string; op: CmpOp; value: number }
  | { type: 'and' | 'or'; left: Cond; right: Cond };

export type VarValue = number | boolean;
export type VarState = Record<string, VarValue>;

/** Thrown by parseCondition: `name` is 'ConditionError'. */
export const isConditionError = (e: unknown): boolean => e instanceof Error && e.name === 'ConditionError';

const TOKEN = /\s*(>=|<=|==|!=|>|<|\(|\)|-?\d+(?:\.\d+)?|[A-Za-z_][A-Za-z0-9_]*|\S)/y;

function tokenize(src: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (TOKEN.lastIndex < src.length && (m = TOKEN.exec(src))) out.push(m[1]!);
  return out;
}

const KEYWORDS = new Set(['and', 'or', 'not']);
const isIdent = (t: string | undefined): t is string => !!t && /^[A-Za-z_]/.test(t) && !KEYWORDS.has(t);
const isNumber = (t: string | undefined): t is string => !!t && /^-?\d/.test(t);
const OPS = new Set(['>=', '<=', '>', '<', '==', '!=']);

/** Parses a condition; throws an Error named ConditionError with a readable message on bad syntax. */
export function parseCondition(src: string): Cond {
  const toks = tokenize(src);
  let i = 0;
  const peek = () => toks[i];
  const fail = (what: string): never => {
    throw Object.assign(new Error(`expected ${what} at "${peek() ?? 'end'}" in "${src}"`), { name: 'ConditionError' });
  };
  const orExpr = (): Cond => {
    let left = andExpr();
    while (peek() === 'or') {
      i++;
      left = { type: 'or', left, right: andExpr() };
    }
    return left;
  };
  const andExpr = (): Cond => {
    let left = unary();
    while (peek() === 'and') {
      i++;
      left = { type: 'and', left, right: unary() };
    }
    return left;
  };
  const unary = (): Cond => {
    const t = peek();
    if (t === 'not') {
      i++;
      return { type: 'not', expr: unary() };
    }
    if (t === '(') {
      i++;
      const e = orExpr();
      if (peek() !== ')') fail('")"');
      i++;
      return e;
    }
    if (!isIdent(t)) return fail('a name, "not" or "("');
    i++;
    const op = peek();
    if (op && OPS.has(op)) {
      i++;
      const n = peek();
      if (!isNumber(n)) return fail('a number');
      i++;
      return { type: 'cmp', name: t, op: op as CmpOp, value: Number(n) };
    }
    return { type: 'flag', name: t };
  };
  const e = orExpr();
  if (i < toks.length) fail('the end');
  return e;
}

/** Names used in a condition, with how each is used (as a flag or compared with a number). */
export function conditionVars(c: Cond, out: { name: string; as: 'flag' | 'number' }[] = []): { name: string; as: 'flag' | 'number' }[] {
  switch (c.type) {
    case 'flag':
      out.push({ name: c.name, as: 'flag' });
      break;
    case 'cmp':
      out.push({ name: c.name, as: 'number' });
      break;
    case 'not':
      conditionVars(c.expr, out);
      break;
    default:
      conditionVars(c.left, out);
      conditionVars(c.right, out);
  }
  return out;
}

/** Evaluates a parsed condition; a missing variable reads as false / 0 (the validator prevents it). */
export function evalCondition(c: Cond, vars: VarState): boolean {
  switch (c.type) {
    case 'flag':
      return vars[c.name] === true;
    case 'not':
      return !evalCondition(c.expr, vars);
    case 'and':
      return evalCondition(c.left, vars) && evalCondition(c.right, vars);
    case 'or':
      return evalCondition(c.left, vars) || evalCondition(c.right, vars);
    case 'cmp': {
      const d = (typeof vars[c.name] === 'number' ? (vars[c.name] as number) : 0) - c.value;
      const op = c.op;
      return op === '>=' ? d >= 0 : op === '<=' ? d <= 0 : op === '>' ? d > 0 : op === '<' ? d < 0 : op === '==' ? d === 0 : d !== 0;
    }
  }
}

const cache = new Map<string, Cond | null>();

/**
 * Whether an optional condition holds: absent = true. A malformed condition (which the build
 * rejects) reads as false at run time rather than throwing in the learner's browser.
 */
export function holds(when: string | undefined, vars: VarState): boolean {
  if (when === undefined) return true;
  let c = cache.get(when);
  if (c === undefined) {
    try {
      c = parseCondition(when);
    } catch {
      c = null;
    }
    cache.set(when, c);
  }
  return c ? evalCondition(c, vars) : false;
}
