import { CaseAnonymisedV1, CaseLegalHoldChangedV1, EVIDENCE_GRANT_HEADER, uuidv7, type EventData, type EventEnvelope, type RpcMeta } from '@mediation/protocol';
import { GetCustodyUseCase } from '../custody/get-custody.use-case';
import { EvidenceDatabase } from '../database/evidence.database';
import { startEvidenceService, type EvidenceService, type StoreKind } from '../testing/evidence-service.harness';
import { multipartBody, request } from '../testing/multipart';
import { GetEvidenceUseCase } from '../items/get-evidence.use-case';
import { CaseAnonymisedHandler, CaseLegalHoldChangedHandler } from './retention.handlers';

jest.setTimeout(180_000);

const org = uuidv7();
const meta: RpcMeta = { organisationId: org, actorId: 'user:case-manager', actorType: 'user', correlationId: uuidv7() };

function envelope<D>(type: string, data: D): EventEnvelope<D> {
  return {
    specversion: '1.0',
    id: uuidv7(),
    source: 'casework',
    type,
    subject: uuidv7(),
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    organisationid: org,
    sequence: 1,
    correlationid: uuidv7(),
    data,
  } as unknown as EventEnvelope<D>;
}

describe.each<StoreKind>(['local', 's3'])('retention of evidence in the %s store', (store) => {
  let svc: EvidenceService;

  async function upload(caseId: string, text: string) {
    const p = `/internal/cases/${caseId}/evidence`;
    const form = multipartBody(
      { kind: 'noise-diary', description: 'Diary', producedBy: 'Jane Smith' },
      { name: 'd.txt', type: 'text/plain', content: Buffer.from(text) },
    );
    const answer = await request(`${svc.url}${p}`, {
      method: 'POST',
      headers: { 'content-type': form.contentType, [EVIDENCE_GRANT_HEADER]: svc.grant(meta, 'POST', p) },
      body: form.stream,
    });
    return JSON.parse(answer.body.toString()) as { id: string };
  }
  const handle = <H extends { handle(e: never, tx: never): Promise<void> }>(handler: H, event: unknown) =>
    svc.app.get(EvidenceDatabase).forTenant(org, (tx) => handler.handle(event as never, tx as never));
  const anonymise = (caseId: string) =>
    handle(
      svc.app.get(CaseAnonymisedHandler),
      envelope<EventData<typeof CaseAnonymisedV1>>(CaseAnonymisedV1.type, {
        caseId,
        contractId: uuidv7(),
        reference: 'M-1',
        closedAt: new Date().toISOString(),
        retentionMonths: 24,
        anonymisedAt: new Date().toISOString(),
        counts: {},
      } as never),
    );
  const keysOf = async (id: string) =>
    (await svc.sql.query<{ storage_key: string }>('SELECT storage_key FROM evidence.evidence_version WHERE item_id = $1', [id])).rows.map((r) => r.storage_key);

  beforeAll(async () => {
    svc = await startEvidenceService(store);
  });
  afterAll(async () => {
    await svc?.close();
  });

  it('deletes the files of an anonymised case, keeping the records, hashes and custody log that says why', async () => {
    const caseId = uuidv7();
    const item = await upload(caseId, 'music at 23:00\n');
    const [key] = await keysOf(item.id);
    expect(await svc.storedKeys()).toContain(key);
    await anonymise(caseId);
    await anonymise(caseId);
    expect(await svc.storedKeys()).not.toContain(key);
    const view = await svc.app.get(GetEvidenceUseCase).execute(meta, item.id);
    expect(view.objectsDeletedAt).not.toBeNull();
    const custody = await svc.app.get(GetCustodyUseCase).execute(meta, item.id);
    expect(custody.entries.filter((e) => e.action === 'deleted')).toEqual([
      expect.objectContaining({ actorId: 'system:retention', reason: expect.stringContaining('M-1 anonymised 24 months') }),
    ]);
    const p = `/internal/evidence/${item.id}/content`;
    expect((await request(`${svc.url}${p}`, { method: 'GET', headers: { [EVIDENCE_GRANT_HEADER]: svc.grant(meta, 'GET', p) } })).status).toBe(410);
  });

  it('keeps the files of a case under legal hold, including those added while it is held', async () => {
    const caseId = uuidv7();
    const before = await upload(caseId, 'before the hold\n');
    await handle(
      svc.app.get(CaseLegalHoldChangedHandler),
      envelope<EventData<typeof CaseLegalHoldChangedV1>>(CaseLegalHoldChangedV1.type, { caseId, legalHold: true, reason: 'Possession claim listed' }),
    );
    const during = await upload(caseId, 'during the hold\n');
    expect((await svc.app.get(GetEvidenceUseCase).execute(meta, during.id)).onHold).toBe(true);
    await anonymise(caseId);
    const stored = await svc.storedKeys();
    for (const id of [before.id, during.id]) for (const key of await keysOf(id)) expect(stored).toContain(key);
    const custody = await svc.app.get(GetCustodyUseCase).execute(meta, before.id);
    expect(custody.entries.map((e) => [e.action, e.reason])).toEqual([
      ['uploaded', null],
      ['held', 'Possession claim listed'],
    ]);
  });
});
