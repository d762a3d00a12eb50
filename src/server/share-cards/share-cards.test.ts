/**
 * Share cards over REST (issue 14, ADR 0035, SHARE-CARD-*): made by the author of a shared success only, reviewed
 * like any share, image type sniffed, public only while published; withdrawal of the copy takes its cards with it;
 * the card page carries escaped Open Graph tags.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { MyShareCard, PublicShareCard, ShareCardsOfCopy } from '#contracts/share-cards';
import {
  auditEvents,
  groupMembers,
  groups,
  memoryRecords,
  memoryShares,
  schoolRoles,
  schools,
  shareCards,
  users,
} from '../db/schema';
import {
  Client,
  createDistrictWithAdmin,
  createTestApp,
  signedInClient,
  TEST_HOST,
  type TestApp,
} from '../testing/api-harness';

type Who = 'author' | 'facilitator' | 'leader' | 'outsider' | 'admin' | 'foreign';
let t: TestApp;
let webRoot: string;
let districtId = '';
let teamId = '';
let schoolId = '';
const ids = {} as Record<Who, string>;
let as: Record<Who, Client>;
const anon = () => new Client(t.app);

/** A real 1x1 PNG. */
const PNG_1X1 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const INDEX_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8" /><meta name="description" content="Ensemble helps." /><title>Ensemble</title></head><body><div id="root"></div></body></html>';

async function person(name: string) {
  const [u] = await t.database.db
    .insert(users)
    .values({
      districtId,
      email: `${randomUUID().slice(0, 8)}@cards.test`,
      name,
      emailVerifiedAt: new Date(),
    })
    .returning();
  return u!;
}

/** A success of the team by the author, and its copy (`shared` or still awaiting), shared to the school. */
async function copy(opts: { status?: 'shared' | 'awaiting-team'; kind?: 'success' | 'dilemma' } = {}) {
  const kind = opts.kind ?? 'success';
  const content =
    kind === 'success'
      ? {
          kind,
          story: 'Pairs talked before writing.',
          evidence: 'e',
          whatWorked: 'w',
          insight: 'i',
          learned: 'l',
        }
      : {
          kind,
          story: 'Quiet groups.',
          suggestedActions: 'Roles',
          insight: 'i',
          learned: 'l',
          nextSteps: [],
        };
  const [r] = await t.database.db
    .insert(memoryRecords)
    .values({
      districtId,
      groupId: teamId,
      kind,
      authorId: ids.author,
      createdBy: ids.author,
      title: 'Talk before writing',
      content,
      status: kind === 'dilemma' ? 'resolved' : null,
      occurredAt: new Date(),
    })
    .returning();
  const tags = { grade: null, subject: null, strategy: null, studentGroup: null };
  const shared =
    kind === 'success'
      ? {
          kind,
          title: 'Talk before writing',
          story: 'Pairs talked before writing.',
          evidence: 'e',
          whatWorked: 'w',
          insight: 'i',
          tags,
        }
      : {
          kind,
          title: 'Quiet groups',
          story: 'Quiet groups.',
          tried: 'Roles',
          resolution: 'Talk cards',
          tags,
        };
  const [s] = await t.database.db
    .insert(memoryShares)
    .values({
      districtId,
      recordId: r!.id,
      groupId: teamId,
      schoolId,
      scope: 'school',
      status: opts.status ?? 'shared',
      kind,
      title: shared.title,
      content: { ...shared, teamName: 'Grade 3 team', schoolName: 'Lincoln Elementary' },
      proposedBy: ids.author,
      authorConsentAt: new Date(),
      sharedAt: opts.status === 'awaiting-team' ? null : new Date(),
    })
    .returning();
  return { recordId: r!.id, shareId: s!.id };
}

const card = (over: Record<string, unknown> = {}) => ({
  title: 'Talk before writing',
  text: 'Our students explain their thinking in pairs before they write.',
  link: 'https://example.org/talk',
  image: null,
  consent: true,
  ...over,
});
const fieldsOf = (body: unknown) =>
  (body as { error?: { fields?: { path: string }[] } }).error?.fields?.map((f) => f.path) ?? [];
const make = async (shareId: string, over: Record<string, unknown> = {}) =>
  as.author.post<MyShareCard>(`/api/shared/${shareId}/cards`, card(over));
const image = (cardId: string, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'GET',
    url: `/api/cards/${cardId}/image`,
    headers: { host: TEST_HOST, ...headers },
  });
const page = (cardId: string) =>
  t.app.inject({ method: 'GET', url: `/cards/${cardId}`, headers: { host: TEST_HOST } });

beforeAll(async () => {
  webRoot = await mkdtemp(join(tmpdir(), 'ensemble-cards-'));
  await writeFile(join(webRoot, 'index.html'), INDEX_HTML);
  t = await createTestApp({ webRoot });
  const a = await createDistrictWithAdmin(t, 'Cards District', 'admin@cards.test');
  const b = await createDistrictWithAdmin(t, 'Other District', 'admin@other.test');
  districtId = a.district.id;
  const db = t.database.db;
  const [s1, s2] = await db
    .insert(schools)
    .values([
      { districtId, name: 'Lincoln Elementary' },
      { districtId, name: 'Other School' },
    ])
    .returning();
  schoolId = s1!.id;
  const [team] = await db
    .insert(groups)
    .values({ districtId, schoolId, kind: 'teacher_team', focus: 'plc', name: 'Grade 3 team' })
    .returning();
  teamId = team!.id;
  const author = await person('Ana Author');
  const facilitator = await person('Fay Facilitator');
  const leader = await person('Lee Leader');
  const outsider = await person('Oli Outsider');
  await db.insert(groupMembers).values([
    { districtId, groupId: teamId, userId: author.id, role: 'member' },
    { districtId, groupId: teamId, userId: facilitator.id, role: 'facilitator' },
  ]);
  await db.insert(schoolRoles).values([
    { districtId, schoolId, userId: leader.id, role: 'school_leader' },
    { districtId, schoolId: s2!.id, userId: outsider.id, role: 'staff' },
  ]);
  Object.assign(ids, {
    author: author.id,
    facilitator: facilitator.id,
    leader: leader.id,
    outsider: outsider.id,
    admin: a.admin.id,
    foreign: b.admin.id,
  });
  as = {
    author: await signedInClient(t, author),
    facilitator: await signedInClient(t, facilitator),
    leader: await signedInClient(t, leader),
    outsider: await signedInClient(t, outsider),
    admin: a.client,
    foreign: b.client,
  };
});
afterAll(async () => {
  await t.close();
  await rm(webRoot, { recursive: true, force: true });
});

describe('SHARE-CARD-1, -2: the author makes a card from a shared success', () => {
  it('SHARE-CARD-1: the form starts from the copy (title, story), never the team or school name', async () => {
    const { shareId } = await copy();
    const res = await as.author.get<ShareCardsOfCopy>(`/api/shared/${shareId}/cards`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      prefill: { title: 'Talk before writing', text: 'Pairs talked before writing.' },
      items: [],
    });
  });

  it('SHARE-CARD-1: a copy still awaiting consent is a 404, a shared dilemma a 409', async () => {
    const awaiting = await copy({ status: 'awaiting-team' });
    expect((await make(awaiting.shareId)).status).toBe(404);
    expect((await as.author.get(`/api/shared/${awaiting.shareId}/cards`)).status).toBe(404);
    const dilemma = await copy({ kind: 'dilemma' });
    expect((await make(dilemma.shareId)).status).toBe(409);
  });

  it('SHARE-CARD-2: made with consent it is published at once; without consent a 400 naming consent', async () => {
    const { shareId } = await copy();
    const refused = await make(shareId, { consent: false });
    expect(refused.status).toBe(400);
    expect(fieldsOf(refused.body)).toEqual(['consent']);
    const made = await make(shareId);
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    expect(made.body).toMatchObject({
      title: 'Talk before writing',
      link: 'https://example.org/talk',
      image: null,
      published: true,
      pageUrl: `http://ensemble.test/cards/${made.body.id}`,
    });
    const list = await as.author.get<ShareCardsOfCopy>(`/api/shared/${shareId}/cards`);
    expect(list.body.items.map((c) => c.id)).toEqual([made.body.id]);
  });

  it('SHARE-CARD-2: bad texts are a 400 naming the field, and nothing is written', async () => {
    const { shareId } = await copy();
    const cases: [Record<string, unknown>, string][] = [
      [{ title: 'x'.repeat(91) }, 'title'],
      [{ title: '   ' }, 'title'],
      [{ text: 'y'.repeat(281) }, 'text'],
      [{ image: { data: PNG_1X1, alt: '' } }, 'image.alt'],
    ];
    for (const [over, field] of cases) {
      const res = await make(shareId, over);
      expect(res.status, field).toBe(400);
      expect(fieldsOf(res.body), field).toContain(field);
    }
    const rows = await t.database.db.select().from(shareCards).where(eq(shareCards.shareId, shareId));
    expect(rows).toEqual([]);
  });
});

describe('SHARE-CARD-3, -4: image and link are checked', () => {
  it('SHARE-CARD-3: a forged image type (HTML or SVG bytes) is a 400 naming image.data', async () => {
    const { shareId } = await copy();
    for (const forged of [
      '<!doctype html><script>alert(1)</script>',
      '<svg xmlns="http://www.w3.org/2000/svg"/>',
    ]) {
      const res = await make(shareId, {
        image: { data: Buffer.from(forged).toString('base64'), alt: 'A class' },
      });
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual(['image.data']);
    }
  });

  it('SHARE-CARD-3: an image over 1 MB is a 400 naming image.data (just over, and far over)', async () => {
    const { shareId } = await copy();
    const png = Buffer.from(PNG_1X1, 'base64');
    for (const size of [1024 * 1024 + 1, 1024 * 1024 + 200_000]) {
      const big = Buffer.concat([png, Buffer.alloc(size - png.length)]);
      const res = await make(shareId, { image: { data: big.toString('base64'), alt: 'A class' } });
      expect(res.status, String(size)).toBe(400);
      expect(fieldsOf(res.body), String(size)).toEqual(['image.data']);
    }
  });

  it('SHARE-CARD-4: a javascript:, data:, http: or credentialed link is a 400 naming link', async () => {
    const { shareId } = await copy();
    for (const link of [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'http://example.org',
      'https://user:pw@example.org',
      'https://localhost',
    ]) {
      const res = await make(shareId, { link });
      expect(res.status, link).toBe(400);
      expect(fieldsOf(res.body), link).toEqual(['link']);
    }
    expect((await make(shareId, { link: null })).status).toBe(200);
  });
});

describe('SHARE-CARD-5: the same identifying-details review as sharing', () => {
  it('SHARE-CARD-5: flags in the title, text and alt text, with the district’s names', async () => {
    const { shareId } = await copy();
    const res = await as.author.post<{ flags: { field: string; text: string; reason: string }[] }>(
      `/api/shared/${shareId}/cards/check`,
      { title: 'Fay saw it', text: 'Call 555-123-4567 to ask.', imageAlt: 'Photo of Jaylen writing' },
    );
    expect(res.status).toBe(200);
    expect(res.body.flags).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'title', text: 'Fay', reason: 'known-name' }),
        expect.objectContaining({ field: 'text', text: '555-123-4567', reason: 'phone' }),
        expect.objectContaining({ field: 'imageAlt', text: 'Jaylen' }),
      ]),
    );
  });
});

describe('SHARE-CARD-6: by the author only', () => {
  it('SHARE-CARD-6: readers of the copy who are not its author get 403; people who cannot read it 404', async () => {
    const { shareId } = await copy();
    const want: Record<Exclude<Who, 'author'>, number> = {
      facilitator: 403,
      leader: 403,
      outsider: 404,
      admin: 404,
      foreign: 404,
    };
    for (const [who, status] of Object.entries(want) as [Exclude<Who, 'author'>, number][]) {
      expect((await as[who].post(`/api/shared/${shareId}/cards`, card())).status, who).toBe(status);
      expect((await as[who].get(`/api/shared/${shareId}/cards`)).status, who).toBe(status);
    }
    expect((await anon().post(`/api/shared/${shareId}/cards`, card())).status).toBe(401);
  });

  it('SHARE-CARD-6: only the author publishes, unpublishes or deletes; another district finds nothing', async () => {
    const { shareId } = await copy();
    const { id } = (await make(shareId)).body;
    for (const who of ['facilitator', 'leader', 'admin'] as const) {
      expect((await as[who].patch(`/api/cards/${id}`, { published: false })).status, who).toBe(403);
      expect((await as[who].delete(`/api/cards/${id}`)).status, who).toBe(403);
    }
    expect((await as.foreign.patch(`/api/cards/${id}`, { published: false })).status).toBe(404);
    expect((await as.foreign.delete(`/api/cards/${id}`)).status).toBe(404);
    expect((await anon().get<PublicShareCard>(`/api/cards/${id}`)).status).toBe(200);
  });
});

describe('SHARE-CARD-7, -8: public while published, gone once unpublished', () => {
  it('SHARE-CARD-7: anyone reads a published card: its own fields and nothing about a person or team', async () => {
    const { shareId, recordId } = await copy();
    const made = await make(shareId, { image: { data: PNG_1X1, alt: 'Two students at a desk' } });
    const res = await anon().get<PublicShareCard>(`/api/cards/${made.body.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: made.body.id,
      title: 'Talk before writing',
      text: 'Our students explain their thinking in pairs before they write.',
      link: 'https://example.org/talk',
      image: { url: `/api/cards/${made.body.id}/image`, alt: 'Two students at a desk' },
      pageUrl: `http://ensemble.test/cards/${made.body.id}`,
    });
    const text = JSON.stringify(res.body);
    for (const secret of [shareId, recordId, teamId, schoolId, districtId, ids.author, 'Grade 3', 'Lincoln'])
      expect(text).not.toContain(secret);
  });

  it('SHARE-CARD-8: the image is served as its sniffed type, nosniff, cacheable with an ETag', async () => {
    const { shareId } = await copy();
    const made = await make(shareId, { image: { data: PNG_1X1, alt: 'A dot' } });
    const res = await image(made.body.id);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('public, no-cache');
    expect(Buffer.compare(res.rawPayload, Buffer.from(PNG_1X1, 'base64'))).toBe(0);
    const again = await image(made.body.id, { 'if-none-match': String(res.headers.etag) });
    expect(again.statusCode).toBe(304);
    // A card without an image has none to serve.
    const plain = await make(shareId);
    expect((await image(plain.body.id)).statusCode).toBe(404);
  });

  it('SHARE-CARD-8: after unpublishing, the card, its image and its page are gone at once; publishing brings them back', async () => {
    const { shareId } = await copy();
    const { id } = (await make(shareId, { image: { data: PNG_1X1, alt: 'A dot' } })).body;
    const off = await as.author.patch<MyShareCard>(`/api/cards/${id}`, { published: false });
    expect(off.body).toMatchObject({ published: false, publishedAt: null });
    expect((await anon().get(`/api/cards/${id}`)).status).toBe(404);
    expect((await image(id)).statusCode).toBe(404);
    expect((await image(id)).headers['cache-control']).toBe('no-store');
    expect((await page(id)).body).not.toContain('og:title');
    expect((await as.author.patch(`/api/cards/${id}`, { published: true })).status).toBe(200);
    expect((await anon().get(`/api/cards/${id}`)).status).toBe(200);
    expect((await as.author.delete(`/api/cards/${id}`)).status).toBe(200);
    expect((await anon().get(`/api/cards/${id}`)).status).toBe(404);
    expect((await as.author.get(`/api/cards/${id}`)).status).toBe(404);
  });

  it('SHARE-CARD-8: withdrawing the shared copy deletes its cards: the public card and image answer 404', async () => {
    const { shareId, recordId } = await copy();
    const { id } = (await make(shareId, { image: { data: PNG_1X1, alt: 'A dot' } })).body;
    expect((await as.author.delete(`/api/groups/${teamId}/memory/${recordId}/share`)).status).toBe(200);
    expect((await anon().get(`/api/cards/${id}`)).status).toBe(404);
    expect((await image(id)).statusCode).toBe(404);
    expect(await t.database.db.select().from(shareCards).where(eq(shareCards.id, id))).toEqual([]);
  });

  it('SHARE-CARD-7: an unknown id and a malformed one are 404 and 400', async () => {
    expect((await anon().get(`/api/cards/${randomUUID()}`)).status).toBe(404);
    expect((await anon().get('/api/cards/not-an-id')).status).toBe(400);
  });
});

describe('SHARE-CARD-9: audited with ids only', () => {
  it('SHARE-CARD-9: made, unpublished, published and deleted are in the audit log without the card’s text', async () => {
    const { shareId } = await copy();
    const { id } = (await make(shareId, { title: 'Audited card title' })).body;
    await as.author.patch(`/api/cards/${id}`, { published: false });
    await as.author.patch(`/api/cards/${id}`, { published: true });
    await as.author.delete(`/api/cards/${id}`);
    const rows = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.districtId, districtId), eq(auditEvents.subjectId, id)))
      .orderBy(auditEvents.at);
    expect(rows.map((r) => r.action)).toEqual([
      'share_card.created',
      'share_card.unpublished',
      'share_card.published',
      'share_card.deleted',
    ]);
    for (const r of rows) {
      expect(r.actorId).toBe(ids.author);
      expect(r.details).toEqual({ shareId });
      expect(JSON.stringify(r)).not.toContain('Audited card title');
    }
  });
});

describe('SHARE-CARD-10: the card page carries escaped Open Graph tags', () => {
  it('SHARE-CARD-10: og and twitter tags with absolute addresses; every value HTML-escaped', async () => {
    const { shareId } = await copy();
    const title = `"><script>alert('x')</script> $& Tom & Jerry`;
    const { id } = (await make(shareId, { title, image: { data: PNG_1X1, alt: 'A "quoted" <dot>' } })).body;
    const res = await page(id);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    const html = res.body;
    const escaped = '&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; $&amp; Tom &amp; Jerry';
    expect(html).toContain(`<meta property="og:title" content="${escaped}" />`);
    expect(html).toContain(`<title>${escaped} · Ensemble</title>`);
    expect(html).toContain(`<meta property="og:url" content="http://ensemble.test/cards/${id}" />`);
    expect(html).toContain(
      `<meta property="og:image" content="http://ensemble.test/api/cards/${id}/image" />`,
    );
    expect(html).toContain('<meta property="og:image:alt" content="A &quot;quoted&quot; &lt;dot&gt;" />');
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image" />');
    expect(html).not.toContain('<script>alert');
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html).toContain('<div id="root"></div>');
  });

  it('SHARE-CARD-10: an unknown or unpublished card gets the plain page', async () => {
    const plain = await page(randomUUID());
    expect(plain.statusCode).toBe(200);
    expect(plain.body).toBe(INDEX_HTML);
  });
});
