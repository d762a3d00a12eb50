import { describe, expect, it } from 'vitest';
import { mergeDirectory, parseDirectory, type OwnOrganization } from './organizations';

/** A shipped list like directory/*.yaml (the real file is checked in src/server/organizations/catalog.test.ts). */
const shippedText = [
  'organizations:',
  ...['naesp', 'nassp', 'ascd'].flatMap((id) => [
    `  - id: ${id}`,
    `    name: ${id.toUpperCase()}`,
    `    url: https://www.${id}.org`,
    '    scope: national',
    '    audience: all',
    '    offers: Conferences.',
  ]),
  '  - id: acsa',
  '    name: ACSA',
  '    url: https://www.acsa.org',
  '    scope: state',
  '    state: CA',
  '    audience: all',
  '    offers: Councils.',
].join('\n');

describe('the directory of professional organizations (NET-ORG-1)', () => {
  it('NET-ORG-1: a bad file is refused with file:line:column at the field at fault, and a repeated id too', () => {
    const bad = [
      'organizations:',
      '  - id: one',
      '    name: One',
      '    url: ftp://example.org',
      '    scope: national',
      '    audience: all',
      '    offers: Things.',
      '  - id: one',
      '    name: Again',
      '    url: https://example.org',
      '    scope: national',
      '    audience: everyone',
      '    offers: Things.',
    ].join('\n');
    const result = parseDirectory(bad, 'directory/x.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.line, e.path.join('.')])).toEqual(
      expect.arrayContaining([
        [4, 'organizations.0.url'],
        [12, 'organizations.1.audience'],
      ]),
    );
    const repeated = parseDirectory(
      bad.replace('ftp:', 'https:').replace('everyone', 'all'),
      'directory/x.yaml',
    );
    expect(repeated.ok).toBe(false);
    if (!repeated.ok) expect(repeated.errors[0]).toMatchObject({ file: 'directory/x.yaml', line: 8 });
  });

  it('NET-ORG-2: a district sees the shipped entries as it edited them, its own entries, national first, hidden ones only for editors', () => {
    const result = parseDirectory(shippedText, 'd.yaml');
    if (!result.ok) throw new Error('shipped file');
    const at = new Date('2026-12-01T00:00:00Z');
    const own: OwnOrganization[] = [
      {
        id: 'a1',
        shippedSlug: null,
        name: 'County principals circle',
        url: 'https://example.org',
        scope: 'state',
        state: 'CA',
        audience: 'all',
        offers: 'Monthly.',
        hidden: false,
        updatedAt: at,
      },
      {
        id: 'a2',
        shippedSlug: 'nassp',
        name: 'NASSP',
        url: 'https://www.nassp.org',
        scope: 'national',
        audience: 'secondary',
        state: null,
        offers: 'Ours.',
        hidden: false,
        updatedAt: at,
      },
      {
        id: 'a3',
        shippedSlug: 'ascd',
        name: 'ASCD',
        url: 'https://www.ascd.org',
        scope: 'national',
        audience: 'all',
        state: null,
        offers: 'x',
        hidden: true,
        updatedAt: at,
      },
    ];
    const forPeople = mergeDirectory(result.organizations, own, false);
    expect(forPeople.map((o) => o.key)).not.toContain('shipped:ascd');
    expect(forPeople.find((o) => o.key === 'shipped:nassp')).toMatchObject({ offers: 'Ours.', edited: true });
    expect(forPeople.find((o) => o.key === 'a1')).toMatchObject({ edited: false, id: 'a1' });
    const scopes = forPeople.map((o) => o.scope);
    expect(scopes.indexOf('state')).toBeGreaterThan(scopes.lastIndexOf('national'));
    expect(
      mergeDirectory(result.organizations, own, true).find((o) => o.key === 'shipped:ascd')?.hidden,
    ).toBe(true);
  });
});
