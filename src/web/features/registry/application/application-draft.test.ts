import { describe, expect, it } from 'vitest';
import { ENTITY_IDENTIFIER_MESSAGES } from '../../../../domain/registry/identifiers/identifier-kinds.ts';
import { ApiError } from '../../../lib/api-client.ts';
import {
  applicationBody,
  applicationIssues,
  commonAnswers,
  type Draft,
  EMPTY_DRAFT,
  missingIdentifiers,
  savableOnServer,
  withAnswer,
  withEntityTypes,
  withIdentifier,
} from './application-draft.ts';

function validationFailed(issues: { path: string; message: string }[]): ApiError {
  return new ApiError({
    code: 'VALIDATION_FAILED',
    message: 'The request is not valid',
    status: 400,
    details: { issues },
  });
}

describe('application draft', () => {
  it('keeps entity types in the catalogue order and copies the common answers to a new type', () => {
    let draft = withEntityTypes(EMPTY_DRAFT, ['exporter']);
    draft = withAnswer(draft, 'common', 'common.unpaid_cbp_debt', false);
    draft = withAnswer(draft, 'exporter', 'exporter.principal_party_in_interest', true);
    draft = withEntityTypes(draft, ['exporter', 'importer']);
    expect(draft.entities.map((entity) => entity.entityType)).toEqual(['importer', 'exporter']);
    expect(draft.entities[0]?.eligibility).toEqual({ 'common.unpaid_cbp_debt': false });
    expect(draft.entities[1]?.eligibility).toEqual({
      'common.unpaid_cbp_debt': false,
      'exporter.principal_party_in_interest': true,
    });
    expect(commonAnswers(draft)).toEqual({ 'common.unpaid_cbp_debt': false });
  });

  it('sends only the identifiers given, and says which kind each index is', () => {
    let draft = withEntityTypes(EMPTY_DRAFT, ['exporter', 'customs_broker']);
    draft = withIdentifier(draft, 'exporter', 'duns_number', ' 12-345-6789 ');
    draft = withIdentifier(draft, 'exporter', 'ein', '');
    draft = withIdentifier(draft, 'customs_broker', 'entry_filer_code', 'AB1');
    draft = withIdentifier(draft, 'customs_broker', 'customs_broker_licence_number', '12345');
    const { body, sentKinds } = applicationBody(draft);
    expect(body.entityTypes[0]?.identifiers).toEqual([
      { kind: 'duns_number', value: '12-345-6789' },
    ]);
    expect(sentKinds).toEqual([
      ['duns_number'],
      ['customs_broker_licence_number', 'entry_filer_code'],
    ]);
  });

  it('knows when the server would refuse the draft for a missing required identifier', () => {
    const draft = withEntityTypes(EMPTY_DRAFT, ['exporter', 'highway_carrier_us_mexico']);
    const [exporter, carrier] = draft.entities;
    expect(exporter && missingIdentifiers(exporter, false)).toEqual([
      { kind: 'one_of', identifiers: ['ein', 'duns_number'] },
    ]);
    expect(carrier && missingIdentifiers(carrier, true)).toEqual([
      { kind: 'required', identifier: 'scac' },
      { kind: 'required', identifier: 'usdot_number' },
      { kind: 'required', identifier: 'mexican_rfc' },
    ]);
    expect(savableOnServer(draft, false)).toBe(false);
    expect(savableOnServer(withEntityTypes(EMPTY_DRAFT, ['sea_carrier']), false)).toBe(true);
    expect(savableOnServer(EMPTY_DRAFT, false)).toBe(false);
  });

  it('places the API issues on the identifier inputs they name', () => {
    let draft: Draft = withEntityTypes(EMPTY_DRAFT, ['importer', 'exporter']);
    draft = withIdentifier(draft, 'importer', 'importer_of_record_number', '12-3456789ZO');
    draft = withIdentifier(draft, 'exporter', 'ein', '12-3456789');
    draft = withIdentifier(draft, 'exporter', 'duns_number', '1234');
    const { sentKinds } = applicationBody(draft);
    const issues = applicationIssues(
      validationFailed([
        {
          path: 'body.entityTypes.0.identifiers.0.value',
          message: 'an EIN suffix never uses the letters O, I or Z',
        },
        {
          path: 'body.entityTypes.1.identifiers.1.value',
          message: 'a D-U-N-S number has 9 digits; this has 4 digits',
        },
        {
          path: 'body.entityTypes.0.identifiers',
          message: ENTITY_IDENTIFIER_MESSAGES.required('importer_of_record_number'),
        },
        { path: 'body.entityTypes.1.identifiers', message: 'something else about the exporter' },
        { path: 'body.entityTypes', message: 'name at least one entity type' },
      ]),
      draft,
      sentKinds,
    );
    expect(issues.identifiers).toEqual({
      'importer.importer_of_record_number': 'an EIN suffix never uses the letters O, I or Z',
      'exporter.duns_number': 'a D-U-N-S number has 9 digits; this has 4 digits',
    });
    expect(issues.entities).toEqual({ exporter: ['something else about the exporter'] });
    expect(issues.other).toEqual(['name at least one entity type']);
  });

  it('places a conflict on the identifier another company already holds', () => {
    let draft = withEntityTypes(EMPTY_DRAFT, ['importer']);
    draft = withIdentifier(draft, 'importer', 'importer_of_record_number', '260101-00042');
    const conflict = new ApiError({
      code: 'CONFLICT',
      message: 'an importer of record number 260101-00042 is already in another application',
      status: 409,
      details: { path: 'body.entityTypes.0.identifiers.0.value' },
    });
    expect(
      applicationIssues(conflict, draft, applicationBody(draft).sentKinds).identifiers,
    ).toEqual({
      'importer.importer_of_record_number':
        'an importer of record number 260101-00042 is already in another application',
    });
  });
});
