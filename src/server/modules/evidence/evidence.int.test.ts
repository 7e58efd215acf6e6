import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { auditActionsOn, auditTrailText } from '../../../../tests/factories/audit.factory.ts';
import {
  corruptPdf,
  minimalPdf,
  multipartBody,
  passwordProtectedPdf,
  tinyPng,
  type UploadFile,
  uniquePng,
} from '../../../../tests/factories/evidence.factory.ts';
import { createOrganisation } from '../../../../tests/factories/organisation.factory.ts';
import {
  createUser,
  type SignedIn,
  signIn,
  signInWithMfaSettled,
} from '../../../../tests/factories/user.factory.ts';
import {
  apiCaller,
  errorCode,
  issuePaths,
  nextClientAddress,
} from '../../../../tests/setup/api-caller.ts';
import { RowsSchema } from '../../../../tests/setup/sql-rows.ts';
import { buildTestApp, type TestApp } from '../../../../tests/setup/test-app.ts';
import { EvidencePageSchema, EvidenceSchema } from '../../../domain/evidence/evidence.schema.ts';
import { EVIDENCE_MAX_BYTES } from '../../../domain/evidence/evidence-vocabulary.ts';
import type { Organisation } from '../../../domain/organisations/organisation.schema.ts';
import { calendarDate } from '../../../domain/time/calendar-date.ts';
import { verifyAuditTrail } from '../audit/audit.service.ts';
import { evidenceLinksByCriterion, evidenceSummaries } from './evidence.service.ts';
import { sendEvidenceExpiryReminders } from './evidence-reminders.ts';

/** TEST_NOW is 2026-11-29: dates below are relative to it. */
const TODAY = '2026-11-29';

let testApp: TestApp;
const call = apiCaller({
  get app() {
    return testApp.app;
  },
});

let office: Organisation;
let supervisor: SignedIn;

beforeAll(async () => {
  testApp = await buildTestApp();
  const db = testApp.database.db;
  office = await createOrganisation(db, { kind: 'cbp_office', entityTypes: [] });
  supervisor = await signInWithMfaSettled(
    testApp.app,
    db,
    await createUser(db, { role: 'supervisory_scss', organisation: office }),
  );
}, 180_000);

afterAll(async () => {
  await testApp.close();
});

interface Company {
  company: Organisation;
  officerId: string;
  adminId: string;
  contributorId: string;
  officer: SignedIn;
  admin: SignedIn;
  contributor: SignedIn;
}

async function newCompany(): Promise<Company> {
  const db = testApp.database.db;
  const company = await createOrganisation(db);
  const officerUser = await createUser(db, { role: 'company_officer', organisation: company });
  const adminUser = await createUser(db, { role: 'company_admin', organisation: company });
  const contributorUser = await createUser(db, { role: 'contributor', organisation: company });
  return {
    company,
    officerId: officerUser.id,
    adminId: adminUser.id,
    contributorId: contributorUser.id,
    officer: await signInWithMfaSettled(testApp.app, db, officerUser),
    admin: await signIn(testApp.app, adminUser),
    contributor: await signIn(testApp.app, contributorUser),
  };
}

function upload(
  session: SignedIn,
  fields: Record<string, string | readonly string[]>,
  files: readonly (UploadFile & { name?: string })[],
) {
  const body = multipartBody(fields, files);
  return testApp.app.inject({
    method: 'POST',
    url: '/api/v1/evidence',
    headers: { ...session.headers, ...body.headers },
    payload: body.payload,
    remoteAddress: nextClientAddress(),
  });
}

function pdfFile(text = `Policy ${randomBytes(4).toString('hex')}`): UploadFile {
  return {
    filename: 'security-policy.pdf',
    contentType: 'application/pdf',
    content: minimalPdf(text),
  };
}

async function uploadPdf(session: SignedIn, fields: Record<string, string | string[]> = {}) {
  const response = await upload(session, { title: 'Security policy', ...fields }, [pdfFile()]);
  expect(response.statusCode, response.body).toBe(201);
  return EvidenceSchema.parse(response.json());
}

async function storedCount(organisationId: string): Promise<number> {
  const result = await testApp.database.db.execute(
    sql`select (select count(*) from evidence_files where organisation_id = ${organisationId})::int
             + (select count(*) from evidence_contents c join evidence_files f on f.id = c.evidence_id
                where f.organisation_id = ${organisationId})::int
             + (select count(*) from evidence_criterion_links where organisation_id = ${organisationId})::int as n`,
  );
  return RowsSchema(z.object({ n: z.number() })).parse(result).rows[0]?.n ?? -1;
}

function issueMessage(response: { json(): unknown }): string {
  return z
    .object({
      error: z.object({
        details: z.object({ issues: z.array(z.object({ message: z.string() })) }),
      }),
    })
    .parse(response.json())
    .error.details.issues.map((issue) => issue.message)
    .join(' | ');
}

describe('uploading evidence', () => {
  it('stores a PDF with its sniffed type, SHA-256, expiry and links, audited without its bytes', async () => {
    const { company, contributor, admin } = await newCompany();
    const content = minimalPdf('Seal verification procedure');
    const response = await upload(
      contributor,
      {
        title: '  Seal verification procedure ',
        description: 'Signed by the security manager',
        expiresOn: '2027-06-30',
        criterionIds: ['7.1,1.1', '1.1'],
      },
      [{ filename: 'seals.pdf', contentType: 'application/pdf', content }],
    );
    expect(response.statusCode, response.body).toBe(201);
    const evidence = EvidenceSchema.parse(response.json());
    expect(evidence).toMatchObject({
      organisationId: company.id,
      title: 'Seal verification procedure',
      description: 'Signed by the security manager',
      originalFilename: 'seals.pdf',
      mediaType: 'application/pdf',
      sizeBytes: content.length,
      expiresOn: '2027-06-30',
      expiry: 'valid',
      warnings: [],
      previewable: true,
    });
    expect(evidence.criterionIds.sort()).toEqual(['1.1', '7.1']);
    const { createHash } = await import('node:crypto');
    expect(evidence.sha256).toBe(createHash('sha256').update(content).digest('hex'));

    const listed = EvidencePageSchema.parse((await call('GET', '/api/v1/evidence', admin)).json());
    expect(listed.items.map((item) => item.id)).toEqual([evidence.id]);
    const one = await call('GET', `/api/v1/evidence/${evidence.id}`, admin);
    expect(one.json()).toEqual(evidence);

    const db = testApp.database.db;
    expect(await auditActionsOn(db, evidence.id)).toEqual(['evidence.uploaded']);
    const trail = await auditTrailText(db);
    expect(trail).toContain(evidence.sha256);
    expect(trail).not.toContain(content.toString('base64'));
    expect(trail).not.toContain('Seal verification procedure) Tj');
    expect((await verifyAuditTrail(db, 1000, { chain: company.id })).ok).toBe(true);
  });

  it('accepts a PNG and a CSV larger than the 1 MiB JSON body limit', async () => {
    const { admin } = await newCompany();
    const png = await upload(admin, { title: 'Seal photo' }, [
      { filename: 'seal.PNG', contentType: 'image/png', content: tinyPng() },
    ]);
    expect(png.statusCode, png.body).toBe(201);
    expect(png.json()).toMatchObject({
      mediaType: 'image/png',
      warnings: ['unlinked'],
      expiry: 'none',
    });

    const rows = ['container,seal,date'];
    for (let size = 0; size < 2 * 1024 * 1024; size += 40) {
      rows.push(`MSCU${String(rows.length).padStart(7, '0')},SEAL-${rows.length},2026-11-01`);
    }
    // Windows with Excel installed sends a .csv as application/vnd.ms-excel.
    const csv = await upload(admin, { title: 'Seal log' }, [
      {
        filename: 'seal-log.csv',
        contentType: 'application/vnd.ms-excel',
        content: Buffer.from(rows.join('\n')),
      },
    ]);
    expect(csv.statusCode, csv.body).toBe(201);
    expect(csv.json()).toMatchObject({ mediaType: 'text/csv', previewable: false });
  });

  describe('refuses bad input, naming the field, and saves nothing', () => {
    let target: Company;
    beforeAll(async () => {
      target = await newCompany();
    });

    async function refused(
      response: Awaited<ReturnType<typeof upload>>,
      status: number,
      code: string,
      path: string,
      message: RegExp,
    ) {
      expect(response.statusCode, response.body).toBe(status);
      expect(errorCode(response)).toBe(code);
      expect(issuePaths(response)).toContain(path);
      expect(issueMessage(response)).toMatch(message);
      expect(await storedCount(target.company.id)).toBe(0);
    }

    it('no file, or a JSON body instead of a form', async () => {
      await refused(
        await upload(target.admin, { title: 'No file' }, []),
        400,
        'VALIDATION_FAILED',
        'body.file',
        /is required/,
      );
      const json = await call('POST', '/api/v1/evidence', target.admin, { title: 'JSON' });
      await refused(json, 400, 'VALIDATION_FAILED', 'body.file', /multipart\/form-data/);
    });

    it('an empty file', async () => {
      const response = await upload(target.admin, { title: 'Empty' }, [
        { filename: 'empty.pdf', contentType: 'application/pdf', content: Buffer.alloc(0) },
      ]);
      await refused(response, 400, 'VALIDATION_FAILED', 'body.file', /empty/);
    });

    it('a file over 25 MiB (413, the truncated upload is detected)', async () => {
      const big = Buffer.concat([
        minimalPdf(),
        Buffer.alloc(EVIDENCE_MAX_BYTES + 1 - minimalPdf().length, 0x20),
      ]);
      const response = await upload(target.admin, { title: 'Too big' }, [
        { filename: 'big.pdf', contentType: 'application/pdf', content: big },
      ]);
      await refused(response, 413, 'PAYLOAD_TOO_LARGE', 'body.file', /larger than the 25 MiB/);
    });

    it('two files in one upload', async () => {
      const response = await upload(target.admin, { title: 'Two' }, [pdfFile(), pdfFile()]);
      await refused(response, 400, 'VALIDATION_FAILED', 'body.file', /one file/);
    });

    it('a forbidden type: a ZIP archive, or binary of no known type', async () => {
      const zip = Buffer.from('504b0506000000000000000000000000000000000000', 'hex');
      await refused(
        await upload(target.admin, { title: 'Zip' }, [{ filename: 'docs.zip', content: zip }]),
        400,
        'VALIDATION_FAILED',
        'body.file',
        /ZIP archive, which is not accepted/,
      );
      const binary = Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x13, 0x37, 0x00]);
      await refused(
        await upload(target.admin, { title: 'Blob' }, [{ filename: 'blob.bin', content: binary }]),
        400,
        'VALIDATION_FAILED',
        'body.file',
        /not a type accepted/,
      );
    });

    it('content that does not match the claimed type (name or Content-Type)', async () => {
      await refused(
        await upload(target.admin, { title: 'Disguised' }, [
          { filename: 'policy.pdf', contentType: 'application/pdf', content: tinyPng() },
        ]),
        400,
        'VALIDATION_FAILED',
        'body.file',
        /the file says \.pdf but its content is a PNG image/,
      );
      await refused(
        await upload(target.admin, { title: 'Wrong header' }, [
          { filename: 'policy', contentType: 'image/png', content: minimalPdf() },
        ]),
        400,
        'VALIDATION_FAILED',
        'body.file',
        /sent as image\/png but its content is a PDF document/,
      );
      await refused(
        await upload(target.admin, { title: 'Page' }, [
          {
            filename: 'page.html',
            contentType: 'text/html',
            content: Buffer.from('<script>alert(1)</script>'),
          },
        ]),
        400,
        'VALIDATION_FAILED',
        'body.file',
        /the file says \.html but its content is plain text/,
      );
    });

    it('a PDF that cannot be opened: damaged, or protected with a password', async () => {
      await refused(
        await upload(target.admin, { title: 'Corrupt' }, [
          { filename: 'corrupt.pdf', contentType: 'application/pdf', content: corruptPdf() },
        ]),
        400,
        'VALIDATION_FAILED',
        'body.file',
        /cannot be opened: it is damaged/,
      );
      await refused(
        await upload(target.admin, { title: 'Locked' }, [
          {
            filename: 'locked.pdf',
            contentType: 'application/pdf',
            content: passwordProtectedPdf(),
          },
        ]),
        400,
        'VALIDATION_FAILED',
        'body.file',
        /cannot be opened: it is protected with a password/,
      );
    });

    it('an expiry date in the past, a bad date, no title, an unknown criterion', async () => {
      await refused(
        await upload(target.admin, { title: 'Old', expiresOn: '2026-11-28' }, [pdfFile()]),
        400,
        'VALIDATION_FAILED',
        'body.expiresOn',
        /in the past/,
      );
      await refused(
        await upload(target.admin, { title: 'Bad date', expiresOn: '2027-02-30' }, [pdfFile()]),
        400,
        'VALIDATION_FAILED',
        'body.expiresOn',
        /YYYY-MM-DD/,
      );
      await refused(
        await upload(target.admin, { title: '  ' }, [pdfFile()]),
        400,
        'VALIDATION_FAILED',
        'body.title',
        /is required/,
      );
      await refused(
        await upload(target.admin, { title: 'Unknown', criterionIds: '1.1,12.999' }, [pdfFile()]),
        400,
        'VALIDATION_FAILED',
        'body.criterionIds.1',
        /12\.999 is not a criterion of the current criteria catalog/,
      );
      await refused(
        await upload(target.admin, { title: 'Malformed', criterionIds: 'abc' }, [pdfFile()]),
        400,
        'VALIDATION_FAILED',
        'body.criterionIds.0',
        /must be a criterion id/,
      );
    });

    it('the same content twice (409 pointing at the first), but again after deleting it', async () => {
      const content = uniquePng();
      const first = await upload(target.admin, { title: 'Seal photo' }, [
        { filename: 'a.png', content },
      ]);
      expect(first.statusCode).toBe(201);
      const before = await storedCount(target.company.id);
      const again = await upload(target.contributor, { title: 'Same photo' }, [
        { filename: 'b.png', content },
      ]);
      expect(again.statusCode).toBe(409);
      expect(errorCode(again)).toBe('CONFLICT');
      expect(again.json().error.details.existingEvidenceId).toBe(first.json().id);
      expect(await storedCount(target.company.id)).toBe(before);

      expect(
        (await call('DELETE', `/api/v1/evidence/${first.json().id}`, target.admin)).statusCode,
      ).toBe(204);
      const afterDelete = await upload(target.admin, { title: 'Seal photo' }, [
        { filename: 'a.png', content },
      ]);
      expect(afterDelete.statusCode).toBe(201);
      // Clean up so the "saves nothing" counts of the other cases stay at zero.
      await testApp.database.db.execute(
        sql`delete from evidence_contents where evidence_id in (select id from evidence_files where organisation_id = ${target.company.id})`,
      );
      await testApp.database.db.execute(
        sql`delete from evidence_files where organisation_id = ${target.company.id}`,
      );
    });

    it('the same content in another company is not a duplicate', async () => {
      const content = uniquePng();
      const other = await newCompany();
      expect(
        (await upload(other.admin, { title: 'Photo' }, [{ filename: 'a.png', content }]))
          .statusCode,
      ).toBe(201);
      const mine = await upload(target.admin, { title: 'Photo' }, [{ filename: 'a.png', content }]);
      expect(mine.statusCode).toBe(201);
      await testApp.database.db.execute(
        sql`delete from evidence_contents where evidence_id = ${mine.json().id}`,
      );
      await testApp.database.db.execute(
        sql`delete from evidence_files where id = ${mine.json().id}`,
      );
    });
  });
});

describe('downloading and previewing', () => {
  it('downloads with a safe attachment name, the sniffed type, nosniff and no caching', async () => {
    const { admin } = await newCompany();
    const content = minimalPdf('Download me');
    const created = await upload(admin, { title: 'Política' }, [
      { filename: 'Política; 2026 <final>.pdf', contentType: 'application/pdf', content },
    ]);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().originalFilename).toBe('Política; 2026 <final>.pdf');
    const id = created.json().id;
    const response = await call('GET', `/api/v1/evidence/${id}/content`, admin);
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(content)).toBe(true);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('private, no-store');
    const disposition = String(response.headers['content-disposition']);
    expect(disposition).toBe(
      `attachment; filename="Pol_tica; 2026 _final_.pdf"; filename*=UTF-8''Pol%C3%ADtica%3B%202026%20_final_.pdf`,
    );

    const inline = await call('GET', `/api/v1/evidence/${id}/content?inline=1`, admin);
    expect(inline.statusCode).toBe(200);
    expect(String(inline.headers['content-disposition'])).toMatch(/^inline; /);
    expect(String(inline.headers['content-security-policy'])).toContain("default-src 'none'");
  });

  it('previews images in a sandbox and refuses to preview other types', async () => {
    const { admin } = await newCompany();
    const png = await upload(admin, { title: 'Photo' }, [
      { filename: 'p.png', content: uniquePng() },
    ]);
    const image = await call('GET', `/api/v1/evidence/${png.json().id}/content?inline=1`, admin);
    expect(image.headers['content-type']).toBe('image/png');
    expect(String(image.headers['content-security-policy'])).toMatch(/; sandbox;/);

    const csv = await upload(admin, { title: 'Log' }, [
      { filename: 'log.csv', contentType: 'text/csv', content: Buffer.from('a,b\n1,2\n') },
    ]);
    const download = await call('GET', `/api/v1/evidence/${csv.json().id}/content`, admin);
    expect(download.headers['content-type']).toBe('text/csv; charset=utf-8');
    const preview = await call('GET', `/api/v1/evidence/${csv.json().id}/content?inline=1`, admin);
    expect(preview.statusCode).toBe(400);
    expect(issuePaths(preview)).toEqual(['querystring.inline']);
  });
});

describe('tenant isolation', () => {
  it("answers 404 for another company's document on every route, and lists only one's own", async () => {
    const mine = await newCompany();
    const theirs = await newCompany();
    const evidence = await uploadPdf(theirs.admin);
    const base = `/api/v1/evidence/${evidence.id}`;
    for (const [method, url, body] of [
      ['GET', base, undefined],
      ['GET', `${base}/content`, undefined],
      ['PATCH', base, { title: 'Mine now' }],
      ['DELETE', base, undefined],
      ['PUT', `${base}/links/1.1`, undefined],
      ['DELETE', `${base}/links/1.1`, undefined],
    ] as const) {
      const response = await call(method, url, mine.admin, body);
      expect(`${method} ${url} ${response.statusCode}`).toBe(`${method} ${url} 404`);
    }
    const list = EvidencePageSchema.parse(
      (await call('GET', '/api/v1/evidence', mine.admin)).json(),
    );
    expect(list.items).toEqual([]);
    expect(await auditActionsOn(testApp.database.db, evidence.id)).toEqual(['evidence.uploaded']);
  });
});

describe('details, links and deletion', () => {
  it('edits details, links and unlinks criteria (audited), and refuses unknown criteria', async () => {
    const { company, contributor } = await newCompany();
    const evidence = await uploadPdf(contributor, { expiresOn: '2027-01-31' });
    expect(evidence.warnings).toEqual(['unlinked']);

    const edited = await call('PATCH', `/api/v1/evidence/${evidence.id}`, contributor, {
      title: 'Security policy 2027',
      description: '',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      title: 'Security policy 2027',
      description: null,
      expiresOn: '2027-01-31',
    });
    const past = await call('PATCH', `/api/v1/evidence/${evidence.id}`, contributor, {
      expiresOn: '2026-01-01',
    });
    expect(past.statusCode).toBe(400);
    expect(issuePaths(past)).toEqual(['body.expiresOn']);
    const cleared = await call('PATCH', `/api/v1/evidence/${evidence.id}`, contributor, {
      expiresOn: null,
    });
    expect(cleared.json()).toMatchObject({ expiresOn: null, expiry: 'none' });

    const linked = await call('PUT', `/api/v1/evidence/${evidence.id}/links/3.4`, contributor);
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toMatchObject({ criterionIds: ['3.4'], warnings: [] });
    // Linking again changes nothing and writes no second event.
    expect(
      (await call('PUT', `/api/v1/evidence/${evidence.id}/links/3.4`, contributor)).statusCode,
    ).toBe(200);
    const unknown = await call('PUT', `/api/v1/evidence/${evidence.id}/links/12.999`, contributor);
    expect(unknown.statusCode).toBe(400);
    expect(issuePaths(unknown)).toEqual(['params.criterionId']);

    const other = await uploadPdf(contributor, { criterionIds: '3.4' });
    const byCriterion = await evidenceLinksByCriterion(testApp.database.db, company.id);
    expect(
      byCriterion
        .get('3.4')
        ?.map((item) => item.evidenceId)
        .sort(),
    ).toEqual([evidence.id, other.id].sort());

    const firstPage = await call('GET', '/api/v1/evidence?criterionId=3.4&limit=1', contributor);
    expect(firstPage.statusCode, firstPage.body).toBe(200);
    const filtered = EvidencePageSchema.parse(firstPage.json());
    expect(filtered.items).toHaveLength(1);
    expect(filtered.nextCursor).not.toBeNull();
    const second = EvidencePageSchema.parse(
      (
        await call(
          'GET',
          `/api/v1/evidence?criterionId=3.4&limit=1&cursor=${filtered.nextCursor}`,
          contributor,
        )
      ).json(),
    );
    expect([...filtered.items, ...second.items].map((item) => item.id).sort()).toEqual(
      [evidence.id, other.id].sort(),
    );
    expect(second.nextCursor).toBeNull();

    const unlinked = await call('DELETE', `/api/v1/evidence/${evidence.id}/links/3.4`, contributor);
    expect(unlinked.json()).toMatchObject({ criterionIds: [], warnings: ['unlinked'] });
    expect(
      (await call('DELETE', `/api/v1/evidence/${evidence.id}/links/3.4`, contributor)).statusCode,
    ).toBe(404);
    const unlinkedOnly = EvidencePageSchema.parse(
      (await call('GET', '/api/v1/evidence?unlinked=true', contributor)).json(),
    );
    expect(unlinkedOnly.items.map((item) => item.id)).toEqual([evidence.id]);

    expect(await auditActionsOn(testApp.database.db, evidence.id)).toEqual([
      'evidence.uploaded',
      'evidence.updated',
      'evidence.updated',
      'evidence.linked',
      'evidence.unlinked',
    ]);
  });

  it('soft-deletes: gone from the library and its links, kept for profile versions, audited', async () => {
    const { company, admin, contributor } = await newCompany();
    const evidence = await uploadPdf(admin, { criterionIds: '1.1' });
    expect((await call('DELETE', `/api/v1/evidence/${evidence.id}`, contributor)).statusCode).toBe(
      204,
    );
    expect((await call('GET', `/api/v1/evidence/${evidence.id}`, admin)).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/evidence/${evidence.id}/content`, admin)).statusCode).toBe(
      404,
    );
    expect((await call('DELETE', `/api/v1/evidence/${evidence.id}`, admin)).statusCode).toBe(404);
    expect(
      EvidencePageSchema.parse((await call('GET', '/api/v1/evidence', admin)).json()).items,
    ).toEqual([]);
    const db = testApp.database.db;
    expect((await evidenceLinksByCriterion(db, company.id)).size).toBe(0);
    const summaries = await evidenceSummaries(db, company.id, [evidence.id]);
    expect(summaries.get(evidence.id)).toMatchObject({ title: 'Security policy', deleted: true });
    expect((await evidenceSummaries(db, office.id, [evidence.id])).size).toBe(0);
    expect(await auditActionsOn(db, evidence.id)).toEqual([
      'evidence.uploaded',
      'evidence.deleted',
    ]);
  });

  it('filters by title, expiring and expired, with expiry states and warnings', async () => {
    const { company, admin } = await newCompany();
    const soon = await uploadPdf(admin, {
      title: 'Insurance certificate',
      expiresOn: '2026-12-10',
      criterionIds: '1.1',
    });
    expect(soon).toMatchObject({ expiry: 'expiring', daysUntilExpiry: 11, warnings: [] });
    const later = await uploadPdf(admin, { title: 'Training record', expiresOn: '2027-11-29' });
    const old = await uploadPdf(admin, {
      title: 'Old insurance',
      expiresOn: TODAY,
      criterionIds: '1.1',
    });
    // The document's last valid day has passed (set directly: uploads refuse past dates).
    await testApp.database.db.execute(
      sql`update evidence_files set expires_on = '2026-10-31' where id = ${old.id} and organisation_id = ${company.id}`,
    );
    const ids = async (query: string) =>
      EvidencePageSchema.parse((await call('GET', `/api/v1/evidence?${query}`, admin)).json())
        .items;
    expect((await ids('q=insur')).map((item) => item.id).sort()).toEqual([soon.id, old.id].sort());
    expect((await ids('expiring=30')).map((item) => item.id)).toEqual([soon.id]);
    const expired = await ids('expired=true');
    expect(expired.map((item) => item.id)).toEqual([old.id]);
    expect(expired[0]).toMatchObject({
      expiry: 'expired',
      warnings: ['expired'],
      daysUntilExpiry: -29,
    });
    expect((await ids('expiring=366')).map((item) => item.id).sort()).toEqual(
      [soon.id, later.id].sort(),
    );
    const bad = await call('GET', '/api/v1/evidence?expiring=soon', admin);
    expect(issuePaths(bad)).toEqual(['querystring.expiring']);
  });
});

describe('CBP reads a member library', () => {
  it('lists and downloads read-only; companies and unknown organisations cannot', async () => {
    const { company, admin } = await newCompany();
    const evidence = await uploadPdf(admin);
    const list = await call('GET', `/api/v1/registry/members/${company.id}/evidence`, supervisor);
    expect(list.statusCode).toBe(200);
    expect(EvidencePageSchema.parse(list.json()).items.map((item) => item.id)).toEqual([
      evidence.id,
    ]);
    const content = await call(
      'GET',
      `/api/v1/registry/members/${company.id}/evidence/${evidence.id}/content?inline=1`,
      supervisor,
    );
    expect(content.statusCode).toBe(200);
    expect(content.headers['content-type']).toBe('application/pdf');
    expect(
      (await call('GET', `/api/v1/registry/members/${office.id}/evidence`, supervisor)).statusCode,
    ).toBe(404);
    const other = await newCompany();
    expect(
      (
        await call(
          'GET',
          `/api/v1/registry/members/${other.company.id}/evidence/${evidence.id}/content`,
          supervisor,
        )
      ).statusCode,
    ).toBe(404);
    expect(
      (await call('GET', `/api/v1/registry/members/${company.id}/evidence`, admin)).statusCode,
    ).toBe(403);
    expect((await call('GET', '/api/v1/evidence', supervisor)).statusCode).toBe(403);
  });
});

describe('expiring-evidence reminders', () => {
  it('notifies officers and admins at 30 and 7 days and on expiry, once each, again after renewal', async () => {
    const { company, officerId, adminId, contributorId, admin } = await newCompany();
    const evidence = await uploadPdf(admin, { title: 'C-TPAT insurance', expiresOn: '2027-02-27' });
    const db = testApp.database.db;
    const context = {
      db,
      clock: testApp.clock,
      smtpConfigured: false,
      publicUrl: 'https://ctpat.example',
    };
    const run = (today: string) => sendEvidenceExpiryReminders(context, calendarDate(today));
    const notices = async () => {
      const result = await db.execute(
        sql`select user_id, key, params from notifications
            where kind = 'evidence_expiring' and organisation_id = ${company.id} order by key`,
      );
      return RowsSchema(
        z.object({
          user_id: z.string(),
          key: z.string(),
          params: z.record(z.string(), z.string()),
        }),
      ).parse(result).rows;
    };

    await run('2027-01-27'); // 31 days before: nothing yet
    expect(await notices()).toEqual([]);
    await run('2027-01-28'); // 30 days before
    await run('2027-01-28');
    await run('2027-02-01'); // still the 30-day reminder, already sent
    let sent = await notices();
    expect(sent.map((row) => row.user_id).sort()).toEqual([officerId, adminId].sort());
    expect(sent.map((row) => row.user_id)).not.toContain(contributorId);
    expect(sent[0]?.params).toMatchObject({
      title: 'C-TPAT insurance',
      expiresOn: '2027-02-27',
      daysLeft: '30',
      organisation: company.legalName,
      link: `https://ctpat.example/evidence/${evidence.id}`,
    });

    await run('2027-02-21'); // 6 days before: the 7-day reminder (a day late is caught up)
    await run('2027-02-27'); // the last valid day
    await run('2027-02-28');
    sent = await notices();
    expect(sent).toHaveLength(6);
    expect(new Set(sent.map((row) => row.key.split(':')[3]))).toEqual(new Set(['30', '7', '0']));
    const emails = await db.execute(
      sql`select count(*)::int as n from email_outbox where key like ${`evidence_expiring:${evidence.id}:%`}`,
    );
    expect(RowsSchema(z.object({ n: z.number() })).parse(emails).rows[0]?.n).toBe(6);

    // A renewed document (a new expiry date) starts its reminders afresh; a deleted one gets none.
    await db.execute(
      sql`update evidence_files set expires_on = '2027-03-20' where id = ${evidence.id}`,
    );
    await run('2027-02-28');
    expect(await notices()).toHaveLength(8);
    expect((await call('DELETE', `/api/v1/evidence/${evidence.id}`, admin)).statusCode).toBe(204);
    await run('2027-03-15');
    expect(await notices()).toHaveLength(8);
  });
});
