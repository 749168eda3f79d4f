import { findNodeAtLocation, parseTree, type JSONPath, type Node } from 'jsonc-parser';
import {
  joinPath,
  pathFromPointer,
  pathSegments,
} from '../../../../contract/validation-problem.ts';

/** `['taskRoles', 0, 'memoryMB']` → `taskRoles[0].memoryMB`, the form the server's messages use. */
export function formatJsonPath(path: JSONPath): string {
  return path.reduce<string>((text, segment) => joinPath(text, segment), '');
}

const SEGMENT = String.raw`(?:[A-Za-z_$][\w$]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])`;
const JS_PATH = new RegExp(String.raw`^[A-Za-z_$][\w$]*(?:\.?${SEGMENT})*$`);

/** Reads `taskRoles[0].memoryMB` or the JSON Pointer `/taskRoles/0/memoryMB`; null for anything else. */
export function parseJsonPath(source: string): JSONPath | null {
  if (/^(?:\/[^/\s]*)+$/.test(source)) return pathSegments(pathFromPointer(source));
  return JS_PATH.test(source) ? pathSegments(source) : null;
}

/** Where a path points in the text: the node itself, or its deepest existing ancestor (a missing field). */
export interface PathLocation {
  /** The range to mark. */
  offset: number;
  length: number;
  exact: boolean;
  /** The whole text of the node found (to notice later whether it changed). */
  nodeText: string;
}

export function locatePath(text: string, path: JSONPath): PathLocation | null {
  const root = parseTree(text);
  if (!root) return null;
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? root : findNodeAtLocation(root, path.slice(0, depth));
    if (node) {
      const nodeText = text.slice(node.offset, node.offset + node.length);
      return { ...markedRange(node, depth < path.length), exact: depth === path.length, nodeText };
    }
  }
  return null;
}

/** Scalars are marked whole; objects and arrays by their property key, so the mark stays short. */
function markedRange(node: Node, isAncestor: boolean): { offset: number; length: number } {
  const key = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
  if ((isAncestor || node.type === 'object' || node.type === 'array') && key) {
    return { offset: key.offset, length: key.length };
  }
  if (node.type === 'object' || node.type === 'array') return { offset: node.offset, length: 1 };
  return { offset: node.offset, length: node.length };
}

/** One problem named in a server message, with the JSON path it starts with (if any). */
export interface MessageProblem {
  path: JSONPath | null;
  message: string;
}

/**
 * Splits a validation message into its problems. This server's messages start with the path
 * (`taskRoles[0].memoryMB must be >= 100`, several joined by "; "); OpenPAI's Joi messages
 * name it as `child "taskRoles" fails because [child "memoryMB" ...]`.
 */
export function problemsInMessage(message: string): MessageProblem[] {
  return message
    .split(/;\s+/)
    .filter((part) => part.trim())
    .map((part) => ({ path: joiPath(part) ?? leadingPath(part), message: part.trim() }));
}

function leadingPath(part: string): JSONPath | null {
  const first = part.trim().split(/\s/)[0] ?? '';
  return parseJsonPath(first);
}

function joiPath(part: string): JSONPath | null {
  if (!/^child "/.test(part.trim())) return null;
  const chain = [
    ...part.matchAll(/child "([^"]+)" fails because|at position (\d+) fails because/g),
  ];
  return chain.map((match) => (match[2] !== undefined ? Number(match[2]) : match[1]!));
}
