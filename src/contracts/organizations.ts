/**
 * Professional organizations for principals (issue 14): a short directory as data (`directory/*.yaml`), which
 * each district and each network adapts: its admins (a network's conveners) add entries, and edit or hide the
 * shipped ones for their own people.
 */
import { z } from './zod';
import { Id, IsoDateTime } from './common';

export const OrganizationScope = z.enum(['national', 'state']);
export const OrganizationAudience = z.enum(['elementary', 'secondary', 'all']);

const Slug = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Use a-z, 0-9 and hyphens (at most 40)'));
const WebAddress = z.string().check(
  z.trim(),
  z.maxLength(500),
  z.refine((v) => {
    try {
      const url = new URL(v);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
    } catch {
      return false;
    }
  }, 'Enter a web address starting with https://'),
);

/** What an entry says (added in the app, or the shipped one as edited). */
export const OrganizationFields = z
  .strictObject({
    name: z.string().check(z.trim(), z.minLength(1, 'Enter a name'), z.maxLength(160)),
    url: WebAddress,
    scope: OrganizationScope,
    /** Two letters, for a state association. */
    state: z.optional(z.nullable(z.string().check(z.regex(/^[A-Z]{2}$/, 'Two capital letters, e.g. CA')))),
    audience: OrganizationAudience,
    offers: z.string().check(z.trim(), z.minLength(1, 'Say what members get'), z.maxLength(400)),
  })
  .check(
    z.superRefine((o, ctx) => {
      if (o.scope === 'state' && !o.state)
        ctx.addIssue({ code: 'custom', path: ['state'], message: 'Name the state of a state association' });
    }),
  );
export type OrganizationFields = z.infer<typeof OrganizationFields>;

/** A shipped entry in `directory/*.yaml`. */
export const ShippedOrganization = z.strictObject({
  id: Slug,
  name: z.string().check(z.minLength(1), z.maxLength(160)),
  url: WebAddress,
  scope: OrganizationScope,
  state: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/))),
  audience: OrganizationAudience,
  offers: z.string().check(z.minLength(1), z.maxLength(400)),
});
export type ShippedOrganization = z.infer<typeof ShippedOrganization>;
export const ShippedDirectory = z.strictObject({
  organizations: z.array(ShippedOrganization).check(z.minLength(1), z.maxLength(200)),
});

/** A shipped entry as edited or hidden here. */
export const EditShippedOrganization = z.strictObject({
  fields: OrganizationFields,
  hidden: z.boolean(),
});
export const UpdateOrganization = EditShippedOrganization;

export const DirectoryEntry = z.object({
  /** `shipped:<slug>` for a shipped entry, else the entry's id. */
  key: z.string(),
  id: z.nullable(Id),
  shippedSlug: z.nullable(z.string()),
  name: z.string(),
  url: z.string(),
  scope: OrganizationScope,
  state: z.nullable(z.string()),
  audience: OrganizationAudience,
  offers: z.string(),
  /** A shipped entry changed here. */
  edited: z.boolean(),
  /** Hidden from this district's or network's people (listed only to those who edit the directory). */
  hidden: z.boolean(),
  updatedAt: z.nullable(IsoDateTime),
});
export type DirectoryEntry = z.infer<typeof DirectoryEntry>;
export const Directory = z.object({ items: z.array(DirectoryEntry), canEdit: z.boolean() });
