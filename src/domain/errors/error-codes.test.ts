import { describe, expect, it } from 'vitest';
import { AppError, ERROR_STATUS, isErrorCode, notFound } from './error-codes.ts';

describe(AppError.name, () => {
  it('carries the status of its code', () => {
    for (const [code, status] of Object.entries(ERROR_STATUS)) {
      if (isErrorCode(code)) {
        expect(new AppError(code, 'x').status).toBe(status);
      }
    }
  });

  it('answers "not found" alike for missing and foreign records', () => {
    const error = notFound('Organisation');
    expect(error.code).toBe('NOT_FOUND');
    expect(error.status).toBe(404);
    expect(error.message).toBe('Organisation not found');
  });

  it('recognises only known codes', () => {
    expect(isErrorCode('VALIDATION_FAILED')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
  });
});
