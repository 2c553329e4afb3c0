import { randomBytes } from 'node:crypto';
import { FieldCipher } from '@mediation/platform';
import { uuidv7 } from '@mediation/protocol';
import { createTestDatabase, type TestDatabase } from '@mediation/testing';
import { CaseworkDatabase } from '../database/casework.database';
import { NoteRepository } from '../notes/note.repository';
import { PartyRepository } from '../parties/party.repository';
import { seedClosedCase } from '../reports/closed-case.fixture';
import { ResealSensitiveFieldsUseCase } from './reseal-sensitive-fields.use-case';
import { ResealingRepository } from './resealing.repository';

jest.setTimeout(60_000);

const providerA = '01a30000-0000-7000-8000-0000000000aa';
const providerB = '01a30000-0000-7000-8000-0000000000bb';
const key = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;
const KEY_A = key('A');
const KEY_B = key('B');

describe('key rotation in casework: sensitive notes and access needs are re-sealed under the newest key', () => {
  let db: TestDatabase;
  let casework: CaseworkDatabase;
  const sealed: { organisationId: string; noteId: string; partyId: string }[] = [];
  let plainNoteId: string;

  /** The key each sealed value names, tenant by tenant (row-level security shows nothing without one). */
  const keyIdsOf = async () => {
    const ids: string[] = [];
    for (const { organisationId, noteId, partyId } of sealed) {
      const { note, party } = await casework.run(
        async (tx) => ({ note: await tx.note.findFirstOrThrow({ where: { id: noteId } }), party: await tx.party.findFirstOrThrow({ where: { id: partyId } }) }),
        { organisationId },
      );
      ids.push(note.body.split('.')[1], party.accessibilityNeedsSealed!.split('.')[1]);
    }
    return ids;
  };
  /** What a service booted with `keys` reads back: every note and access need, in the clear. */
  const readAll = (keys: string) => {
    const cipher = FieldCipher.fromConfig(keys);
    const notes = new NoteRepository(cipher);
    const parties = new PartyRepository(cipher);
    return Promise.all(
      sealed.map(({ organisationId, noteId, partyId }) =>
        casework.run(
          async (tx) => ({
            note: notes.open(await tx.note.findFirstOrThrow({ where: { id: noteId } })).body,
            needs: parties.accessibilityNeeds(await tx.party.findFirstOrThrow({ where: { id: partyId } })),
          }),
          { organisationId },
        ),
      ),
    );
  };
  const reseal = (keys: string) => new ResealSensitiveFieldsUseCase(casework, new ResealingRepository(casework), FieldCipher.fromConfig(keys)).execute();

  beforeAll(async () => {
    db = await createTestDatabase('reseal');
    casework = new CaseworkDatabase(db.url);
    // Written by a casework that knew only key A.
    const underA = FieldCipher.fromConfig(KEY_A);
    for (const organisationId of [providerA, providerB]) {
      const closed = await seedClosedCase(casework, organisationId);
      const noteId = uuidv7();
      const partyId = await casework.run(
        async (tx) => {
          await new NoteRepository(underA).create(tx, {
            id: noteId,
            organisationId,
            caseId: closed.caseId,
            sensitive: true,
            body: `Disclosed a health condition (${organisationId})`,
            authorId: 'u1',
            createdAt: new Date(),
          });
          const party = await tx.party.findFirstOrThrow({ where: { caseId: closed.caseId, role: 'defendant' } });
          await new PartyRepository(underA).update(tx, party.id, { accessibilityNeeds: 'Wheelchair access; hearing loop' }, new Date());
          return party.id;
        },
        { organisationId },
      );
      sealed.push({ organisationId, noteId, partyId });
    }
    plainNoteId = uuidv7();
    const closed = await casework.run((tx) => tx.case.findFirstOrThrow({ select: { id: true } }), { organisationId: providerA });
    await casework.run(
      (tx) =>
        tx.note.create({
          data: {
            id: plainNoteId,
            organisationId: providerA,
            caseId: closed.id,
            sensitive: false,
            body: 'Called the landlord.',
            authorId: 'u1',
            createdAt: new Date(),
          },
        }),
      { organisationId: providerA },
    );
  });

  afterAll(async () => {
    await casework?.$disconnect();
    await db?.drop();
  });

  it('under key A alone there is nothing to re-seal, and the pass says nothing is left', async () => {
    expect(await keyIdsOf()).toEqual(['A', 'A', 'A', 'A']);
    await expect(reseal(KEY_A)).resolves.toEqual({ resealed: 0, failed: 0, remaining: 0 });
  });

  it('restarted with "B,A", every tenant’s notes and access needs are re-sealed under B and still read the same', async () => {
    const before = await readAll(KEY_A);
    await expect(reseal(`${KEY_B},${KEY_A}`)).resolves.toEqual({ resealed: 4, failed: 0, remaining: 0 });
    expect(await keyIdsOf()).toEqual(['B', 'B', 'B', 'B']);
    expect(await readAll(`${KEY_B},${KEY_A}`)).toEqual(before);
    expect(before[0]).toEqual({ note: `Disclosed a health condition (${providerA})`, needs: 'Wheelchair access; hearing loop' });
    const plain = await casework.run((tx) => tx.note.findFirstOrThrow({ where: { id: plainNoteId } }), { organisationId: providerA });
    expect(plain.body).toBe('Called the landlord.');
    await expect(reseal(`${KEY_B},${KEY_A}`)).resolves.toEqual({ resealed: 0, failed: 0, remaining: 0 });
  });

  it('then with "B" alone (A dropped) everything still reads', async () => {
    expect(await readAll(KEY_B)).toEqual([
      { note: `Disclosed a health condition (${providerA})`, needs: 'Wheelchair access; hearing loop' },
      { note: `Disclosed a health condition (${providerB})`, needs: 'Wheelchair access; hearing loop' },
    ]);
  });

  it('a value whose key was dropped too early is counted as failed and left for the next pass, not lost', async () => {
    const { organisationId, noteId } = sealed[0];
    const underC = FieldCipher.fromConfig(key('C'));
    await casework.run(
      (tx) => tx.note.update({ where: { id: noteId }, data: { body: underC.encrypt('written by a replica with key C', `casework.note:${noteId}`) } }),
      { organisationId },
    );
    await expect(reseal(KEY_B)).resolves.toEqual({ resealed: 0, failed: 1, remaining: 1 });
  });
});
