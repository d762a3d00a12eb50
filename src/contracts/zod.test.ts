import { describe, expect, it } from 'vitest';
import { IsoDateTime, PersonName } from './common';
import { Slug } from './routine';
import { SetupRequest } from './auth';

// zod/mini loads no locale: without the one src/contracts/zod.ts sets, every default message would read
// "Invalid input", in the API's 400s (INPUT-1..4), the forms (WEB-API-1) and routine files' errors.
describe("contracts speak Zod's English messages", () => {
  it('INPUT-4: an over-long string says how long it may be', () => {
    expect(PersonName.safeParse('x'.repeat(121)).error?.issues[0]?.message).toBe(
      'Too big: expected string to have <=120 characters',
    );
  });

  it('INPUT-1: a value of the wrong type says what was expected', () => {
    expect(Slug.safeParse(12).error?.issues[0]?.message).toBe(
      'Invalid input: expected string, received number',
    );
    expect(IsoDateTime.safeParse('yesterday').error?.issues[0]?.message).toBe('Invalid ISO datetime');
  });

  it('INPUT-2, INPUT-3: missing and unknown fields are named; custom messages stay the contract’s own', () => {
    const issues = SetupRequest.safeParse({ districtName: ' ', email: 'ADA@X.ORG', extra: 1 }).error?.issues;
    expect(issues?.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['districtName', 'Enter the district name'],
      ['name', 'Invalid input: expected string, received undefined'],
      ['password', 'Invalid input: expected string, received undefined'],
      ['', 'Unrecognized key: "extra"'],
    ]);
  });
});
