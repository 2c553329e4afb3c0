import { EVIDENCE_GRANT_HEADER, uuidv7, type RpcMeta } from '@mediation/protocol';
import { startEvidenceService, type EvidenceService } from '../testing/evidence-service.harness';
import { multipartBody, request } from '../testing/multipart';
import { ExportPersonEvidenceUseCase } from './export-person.use-case';

jest.setTimeout(120_000);

const org = uuidv7();
const meta = (organisationId = org): RpcMeta => ({ organisationId, actorId: 'user:dpo', actorType: 'user', correlationId: uuidv7() });

describe('the evidence part of a subject-access export', () => {
  let svc: EvidenceService;
  const theirCase = uuidv7();
  const theirOtherCase = uuidv7();
  const someoneElsesCase = uuidv7();

  const post = async (p: string, form: ReturnType<typeof multipartBody>) => {
    const answer = await request(`${svc.url}${p}`, {
      method: 'POST',
      headers: { 'content-type': form.contentType, [EVIDENCE_GRANT_HEADER]: svc.grant(meta(), 'POST', p) },
      body: form.stream,
    });
    expect(answer.status).toBe(201);
    return JSON.parse(answer.body.toString()) as { id: string; sha256: string; exhibitRef: string };
  };
  const upload = (caseId: string, producedBy: string, text: string) =>
    post(
      `/internal/cases/${caseId}/evidence`,
      multipartBody(
        { kind: 'noise-diary', description: `Diary: ${text}`, producedBy },
        { name: 'd.txt', type: 'text/plain', content: Buffer.from(`${text}\n`) },
      ),
    );

  beforeAll(async () => {
    svc = await startEvidenceService('local');
  });
  afterAll(async () => {
    await svc?.close();
  });

  it('lists every exhibit of the person’s cases with every version’s hash, marks those they produced, and nothing of other cases', async () => {
    const own = await upload(theirCase, 'Rae  Resident', 'music at midnight');
    const witness = await upload(theirCase, 'Jane Smith', 'heard from the landing');
    const second = await post(
      `/internal/evidence/${own.id}/versions`,
      multipartBody({ note: 'corrected' }, { name: 'd2.txt', type: 'text/plain', content: Buffer.from('music at 23:50\n') }),
    );
    const elsewhere = await upload(theirOtherCase, 'Alan Brown', 'bass through the floor');
    await upload(someoneElsesCase, 'Rae Resident', 'not their case');

    const exported = await svc.app.get(ExportPersonEvidenceUseCase).execute(meta(), { caseIds: [theirCase, theirOtherCase], names: ['rae resident'] });
    expect(exported.exhibits.map((e) => [e.id, e.producedByThePerson]).sort()).toEqual(
      [
        [own.id, true],
        [witness.id, false],
        [elsewhere.id, false],
      ].sort(),
    );
    const mine = exported.exhibits.find((e) => e.id === own.id)!;
    expect(mine).toMatchObject({ exhibitRef: 'RR/1', kind: 'noise-diary', description: 'Diary: music at midnight', version: 2, sha256: second.sha256 });
    expect(mine.versions.map((v) => [v.version, v.sha256, v.mediaType])).toEqual([
      [1, own.sha256, 'text/plain'],
      [2, second.sha256, 'text/plain'],
    ]);
    // Metadata only: the export reads no file and writes nothing in the custody log.
    const { rows } = await svc.sql.query("SELECT count(*)::int AS n FROM evidence.custody_entry WHERE action IN ('viewed', 'downloaded')");
    expect(rows[0].n).toBe(0);
  });

  it('finds nothing without cases, and nothing of another organisation', async () => {
    expect(await svc.app.get(ExportPersonEvidenceUseCase).execute(meta(), { caseIds: [], names: ['Rae Resident'] })).toEqual({ exhibits: [] });
    expect(await svc.app.get(ExportPersonEvidenceUseCase).execute(meta(uuidv7()), { caseIds: [theirCase], names: [] })).toEqual({ exhibits: [] });
  });
});
