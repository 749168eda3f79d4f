import { describe, expect, it } from 'vitest';
import { PaiError } from '../errors.ts';
import { parseFormBody } from './form-body.ts';

describe('form bodies, read as OpenPAI’s body parser read them', () => {
  it.each([
    ['flat keys', 'username=alice&password=a+b%26c', { username: 'alice', password: 'a b&c' }],
    ['nested objects', 'jobEnvs[a]=1&jobEnvs[b][c]=2', { jobEnvs: { a: '1', b: { c: '2' } } }],
    [
      'arrays of objects',
      'taskRoles[0][name]=a&taskRoles[1][name]=b&taskRoles[0][cpuNumber]=2',
      { taskRoles: [{ name: 'a', cpuNumber: '2' }, { name: 'b' }] },
    ],
    ['appending with []', 'a[]=x&a[]=y', { a: ['x', 'y'] }],
    ['a repeated key', 'a=x&a=y&a=z', { a: ['x', 'y', 'z'] }],
    ['sparse indices, compacted in order', 'a[5]=y&a[1]=x', { a: ['x', 'y'] }],
    ['index and name keys together', 'a[0]=x&a[k]=y', { a: { 0: 'x', k: 'y' } }],
    ['an index past the limit, as a key', 'a[1001]=x', { a: { 1001: 'x' } }],
    ['a key without a value', 'flag&empty=', { flag: '', empty: '' }],
    ['encoded brackets', 'taskRoles%5B0%5D%5Bname%5D=m', { taskRoles: [{ name: 'm' }] }],
  ])('%s', (_case, body, expected) => {
    expect(parseFormBody(body)).toEqual(expected);
  });

  it.each([
    ['a reserved key', '__proto__[admin]=true'],
    ['a reserved nested key', 'a[constructor][prototype]=x'],
    ['a value that is also an object', 'a=1&a[b]=2'],
    ['bad URL encoding', 'a=%E0%A4%A'],
    ['nesting deeper than 20 levels', `a${'[b]'.repeat(21)}=x`],
    ['more than 1000 parameters', Array.from({ length: 1001 }, (_, i) => `k${i}=v`).join('&')],
  ])('refuses %s with 400 InvalidParametersError', (_case, body) => {
    let error: unknown;
    try {
      parseFormBody(body);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(PaiError);
    expect(error).toMatchObject({ status: 400, code: 'InvalidParametersError' });
  });
});
