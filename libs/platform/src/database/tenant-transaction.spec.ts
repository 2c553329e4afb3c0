import { runTransaction, TENANT_SETTING, transactionSettings } from './tenant-transaction';

const ORG = '0190a000-0000-7000-8000-00000000000a';

describe('the settings a transaction starts with', () => {
  it('are one statement whatever their number: the tenant and every credential presented', () => {
    expect(transactionSettings({ organisationId: ORG, presented: { 'app.api_key_id': 'kid', 'app.api_key_secret_hash': 'h' } })).toEqual({
      sql: 'SELECT set_config($1, $2, true), set_config($3, $4, true), set_config($5, $6, true)',
      values: [TENANT_SETTING, ORG, 'app.api_key_id', 'kid', 'app.api_key_secret_hash', 'h'],
    });
  });

  it('are no statement at all when there is nothing to set', () => {
    expect(transactionSettings({})).toBeNull();
  });

  it('are set once, before the work runs', async () => {
    const statements: unknown[][] = [];
    const tx = { $executeRawUnsafe: async (...args: unknown[]) => (statements.push(args), 0), $queryRawUnsafe: async <T>() => [] as T };
    const client = { $transaction: <T>(work: (t: typeof tx) => Promise<T>) => work(tx) };
    await runTransaction(client, async () => statements.push(['work']), { organisationId: ORG, presented: { 'app.survey_token_sha256': 's' } });
    expect(statements).toEqual([['SELECT set_config($1, $2, true), set_config($3, $4, true)', TENANT_SETTING, ORG, 'app.survey_token_sha256', 's'], ['work']]);
  });
});
