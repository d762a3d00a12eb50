/**
 * The shipped directory of professional organizations (issue 14), read from YAML with every problem located,
 * and merged with a district's or network's own entries. Pure; the parser imports `yaml`, so only the server
 * and tests import `parseDirectory` (DAY-PERF-2).
 */
import { ShippedDirectory, type ShippedOrganization } from '../../contracts/organizations';
import { pathIssuesOf, type LocatedIssue } from '../yaml/issues';
import { parseLocatedYaml } from '../yaml/located';

export type ParseDirectoryResult =
  { ok: true; organizations: ShippedOrganization[] } | { ok: false; errors: LocatedIssue[] };

export function parseDirectory(yamlText: string, fileName: string): ParseDirectoryResult {
  const yaml = parseLocatedYaml(yamlText, fileName, {
    maxChars: 200_000,
    maxDepth: 24,
    fileKind: 'a directory file',
  });
  if (!yaml.ok) return yaml;
  const parsed = ShippedDirectory.safeParse(yaml.value);
  if (!parsed.success) return { ok: false, errors: pathIssuesOf(parsed.error.issues).map(yaml.locate) };
  const seen = new Map<string, number>();
  const errors: LocatedIssue[] = [];
  parsed.data.organizations.forEach((o, i) => {
    const first = seen.get(o.id);
    if (first !== undefined)
      errors.push(
        yaml.locate({
          path: ['organizations', i, 'id'],
          message: `id "${o.id}" is used twice (also entry ${first + 1})`,
        }),
      );
    seen.set(o.id, i);
  });
  return errors.length ? { ok: false, errors } : { ok: true, organizations: parsed.data.organizations };
}

/** A tenant's own row, as the merge needs it. */
export interface OwnOrganization {
  id: string;
  shippedSlug: string | null;
  name: string;
  url: string;
  scope: 'national' | 'state';
  state: string | null;
  audience: 'elementary' | 'secondary' | 'all';
  offers: string;
  hidden: boolean;
  updatedAt: Date;
}

export interface MergedOrganization extends Omit<OwnOrganization, 'id' | 'updatedAt'> {
  key: string;
  id: string | null;
  edited: boolean;
  updatedAt: Date | null;
}

/**
 * The directory as a district or network sees it: each shipped entry (as edited there, if it was), then its own
 * entries; national before state, then by name. Hidden ones only when `withHidden` (for those who edit it).
 */
export function mergeDirectory(
  shipped: readonly ShippedOrganization[],
  own: readonly OwnOrganization[],
  withHidden: boolean,
): MergedOrganization[] {
  const edits = new Map(own.filter((o) => o.shippedSlug !== null).map((o) => [o.shippedSlug, o]));
  const merged: MergedOrganization[] = [
    ...shipped.map((s): MergedOrganization => {
      const edit = edits.get(s.id);
      return edit
        ? { ...edit, key: `shipped:${s.id}`, id: null, shippedSlug: s.id, edited: true }
        : {
            key: `shipped:${s.id}`,
            id: null,
            shippedSlug: s.id,
            name: s.name,
            url: s.url,
            scope: s.scope,
            state: s.state ?? null,
            audience: s.audience,
            offers: s.offers,
            hidden: false,
            edited: false,
            updatedAt: null,
          };
    }),
    ...own
      .filter((o) => o.shippedSlug === null)
      .map((o): MergedOrganization => ({ ...o, key: o.id, edited: false })),
  ];
  return merged
    .filter((o) => withHidden || !o.hidden)
    .sort(
      (a, b) =>
        Number(a.scope === 'state') - Number(b.scope === 'state') ||
        a.name.localeCompare(b.name, 'en') ||
        a.key.localeCompare(b.key),
    );
}
