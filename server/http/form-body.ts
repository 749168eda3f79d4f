import { badRequest } from '../errors.ts';

/**
 * `application/x-www-form-urlencoded` bodies read the way OpenPAI's body parser (the "extended"
 * syntax) read them, so a job config sent as a form means the same as the JSON it came from:
 * `taskRoles[0][name]=a&taskRoles[0][taskNumber]=1&jobEnvs[x]=1` →
 * `{taskRoles: [{name: 'a', taskNumber: '1'}], jobEnvs: {x: '1'}}`. Values stay strings (the
 * schema turns integer strings into integers); `a[]=x` appends; a repeated key gives an array;
 * sparse indices are compacted in order.
 */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };

/** body-parser's default `parameterLimit`. */
const MAX_PARAMETERS = 1000;
/** Deeper keys are refused rather than read (a job config nests 3 levels). */
const MAX_DEPTH = 20;
/** Larger indices are object keys, as with body-parser's `arrayLimit`. */
const MAX_INDEX = MAX_PARAMETERS;
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);
const KEY = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;

type Tree = Record<string, unknown>;

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    throw badRequest('The form body is not valid URL encoding.');
  }
}

function pathOf(key: string): string[] {
  const match = KEY.exec(key);
  if (!match) return [key];
  const segments = [...match[2]!.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]!);
  if (segments.length > MAX_DEPTH) {
    throw badRequest(`Form key ${key.slice(0, 80)} nests deeper than ${MAX_DEPTH} levels.`);
  }
  return [match[1]!, ...segments];
}

const isIndex = (segment: string) => /^\d+$/.test(segment) && Number(segment) <= MAX_INDEX;

function assign(root: Tree, key: string, value: string, arrays: WeakSet<Tree>): void {
  const path = pathOf(key);
  for (const segment of path) {
    if (RESERVED.has(segment)) throw badRequest(`Form key ${key.slice(0, 80)} is not allowed.`);
  }
  let node = root;
  for (let i = 0; i < path.length; i++) {
    let segment = path[i]!;
    if (segment === '' && arrays.has(node)) segment = String(Object.keys(node).length);
    if (i === path.length - 1) {
      const old = node[segment];
      if (old === undefined) node[segment] = value;
      else if (typeof old === 'string') node[segment] = [old, value];
      else if (Array.isArray(old)) old.push(value);
      else throw badRequest(`Form key ${key.slice(0, 80)} is both a value and an object.`);
      return;
    }
    let child = node[segment];
    if (child === undefined) {
      child = {};
      const next = path[i + 1]!;
      if (next === '' || isIndex(next)) arrays.add(child as Tree);
      node[segment] = child;
    } else if (typeof child !== 'object' || Array.isArray(child)) {
      throw badRequest(`Form key ${key.slice(0, 80)} is both a value and an object.`);
    }
    node = child as Tree;
  }
}

/** Objects whose keys are all indices become arrays, in index order. */
function finish(value: unknown, arrays: WeakSet<Tree>): FormValue {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value as string[];
  const tree = value as Tree;
  const keys = Object.keys(tree);
  if (arrays.has(tree) && keys.every(isIndex)) {
    return keys.sort((a, b) => Number(a) - Number(b)).map((k) => finish(tree[k], arrays));
  }
  return Object.fromEntries(keys.map((k) => [k, finish(tree[k], arrays)]));
}

export function parseFormBody(body: string): Record<string, FormValue> {
  const pairs = body.split('&').filter((pair) => pair !== '');
  if (pairs.length > MAX_PARAMETERS) {
    throw badRequest(`The form body has more than ${MAX_PARAMETERS} parameters.`);
  }
  const root: Tree = {};
  const arrays = new WeakSet<Tree>();
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    const key = decode(equals < 0 ? pair : pair.slice(0, equals));
    const value = equals < 0 ? '' : decode(pair.slice(equals + 1));
    if (key !== '') assign(root, key, value, arrays);
  }
  return finish(root, arrays) as Record<string, FormValue>;
}
