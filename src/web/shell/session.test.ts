import { describe, expect, it } from 'vitest';
import { safeNextPath } from './session';

describe('safeNextPath', () => {
  it('WEB-NAV-2 follows ?next= only to paths of this site', () => {
    expect(safeNextPath('/teams/42?tab=members')).toBe('/teams/42?tab=members');
    expect(safeNextPath(null)).toBe('/');
    expect(safeNextPath('https://evil.example/')).toBe('/');
    expect(safeNextPath('//evil.example/')).toBe('/');
    expect(safeNextPath('/\\evil.example/')).toBe('/');
    expect(safeNextPath('teams')).toBe('/');
  });

  it('WEB-NAV-2 resolves the path first, so dot segments cannot turn it into //host', () => {
    expect(safeNextPath('/.//evil.example')).toBe('/');
    expect(safeNextPath('/./\\evil.example')).toBe('/');
    expect(safeNextPath('/a/..//evil.example/x')).toBe('/');
    expect(safeNextPath('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example');
    expect(safeNextPath('/teams/./42/../43#notes')).toBe('/teams/43#notes');
  });
});
