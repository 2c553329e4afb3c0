import { z } from 'zod';

export const UuidSchema = z.uuid().describe('A UUID.');
export const OrganisationIdSchema = z.uuid().describe('The provider organisation (tenant) that owns the record.');
export const IsoDateTimeSchema = z.iso.datetime({ offset: true }).describe('An RFC 3339 timestamp.');
