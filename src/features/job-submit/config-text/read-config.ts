import { getNodeValue, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';

/** A JSON syntax error, located in the text. */
export interface SyntaxProblem {
  offset: number;
  length: number;
  message: string;
}

export type ConfigReading = { ok: true; value: unknown } | { ok: false; problems: SyntaxProblem[] };

const messages: Record<string, string> = {
  InvalidSymbol: 'Unexpected character',
  InvalidNumberFormat: 'Invalid number',
  PropertyNameExpected: 'A property name in double quotes is expected',
  ValueExpected: 'A value is expected',
  ColonExpected: 'A colon is expected',
  CommaExpected: 'A comma is expected',
  CloseBraceExpected: 'A closing brace } is expected',
  CloseBracketExpected: 'A closing bracket ] is expected',
  EndOfFileExpected: 'Nothing may follow the end of the JSON',
  InvalidCommentToken: 'Comments are not allowed in JSON',
  UnexpectedEndOfComment: 'Comments are not allowed in JSON',
  UnexpectedEndOfString: 'The string is not closed',
  UnexpectedEndOfNumber: 'The number is not complete',
  InvalidUnicode: 'Invalid unicode escape',
  InvalidEscapeCharacter: 'Invalid escape character',
  InvalidCharacter: 'Invalid character in a string',
};

/** Parses as the server will (plain JSON: no comments, no trailing commas). */
export function readConfig(text: string): ConfigReading {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (!text.trim())
    return { ok: false, problems: [{ offset: 0, length: 0, message: 'The config is empty' }] };
  if (errors.length > 0 || !tree) {
    return {
      ok: false,
      problems: errors.map((error) => ({
        offset: error.offset,
        length: error.length,
        message: messages[printParseErrorCode(error.error)] ?? 'Invalid JSON',
      })),
    };
  }
  return { ok: true, value: getNodeValue(tree) };
}

/** 1-based line and column of an offset, for messages. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
