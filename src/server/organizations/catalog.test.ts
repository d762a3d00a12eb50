import { describe, expect, it } from 'vitest';
import { loadShippedDirectory } from './catalog';

describe('the shipped directory (NET-ORG-1)', () => {
  it('NET-ORG-1: directory/*.yaml parses, with national and state associations for elementary and secondary principals', () => {
    const organizations = loadShippedDirectory();
    expect(organizations.map((o) => o.id)).toEqual(expect.arrayContaining(['naesp', 'nassp']));
    expect(organizations.some((o) => o.scope === 'state' && o.state)).toBe(true);
    expect(new Set(organizations.map((o) => o.audience))).toEqual(
      new Set(['elementary', 'secondary', 'all']),
    );
    for (const o of organizations) expect(o.url.startsWith('https://')).toBe(true);
  });
});
