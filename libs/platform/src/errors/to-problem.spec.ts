import { toProblem } from './to-problem';

const prismaError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('the problem a caller sees for an error a service did not expect', () => {
  it('a database too busy to lend a connection or start a transaction is a 503 to retry, not a 500', () => {
    expect(toProblem(prismaError('P2024')).status).toBe(503);
    expect(toProblem(prismaError('P2028')).status).toBe(503);
    expect(toProblem(new Error('Transaction API error: Transaction already closed: A commit cannot be executed on an expired transaction.')).status).toBe(503);
  });

  it('a prepared statement whose columns a migration changed is a 503 (its next run prepares it afresh); another unsupported feature is a 500', () => {
    expect(toProblem(Object.assign(new Error('cached plan must not change result type'), { code: '0A000' })).status).toBe(503);
    expect(toProblem(Object.assign(new Error('FOR UPDATE is not allowed with aggregate functions'), { code: '0A000' })).status).toBe(500);
  });

  it('a deadlock or serialization failure reported by PostgreSQL, however wrapped, is a 503', () => {
    expect(toProblem(Object.assign(new Error('wrapped'), { cause: prismaError('40P01') })).status).toBe(503);
    expect(toProblem(Object.assign(new Error('prisma'), { code: 'P2010', meta: { code: '40001' } })).status).toBe(503);
  });

  it('a statement on the transaction’s own connection fails with pg’s error, and answers as the same statement through Prisma does', () => {
    const pgError = (code: string) => Object.assign(new Error('boom'), { code, severity: 'ERROR' });
    // Prisma 7's driver adapter keeps the SQLSTATE here, for a raw statement (P2010) as for a model query.
    const prismaRaw = (code: string) =>
      Object.assign(new Error('Raw query failed'), {
        code: 'P2010',
        meta: { driverAdapterError: { cause: { originalCode: code, kind: 'TransactionWriteConflict' } } },
      });
    for (const code of ['40001', '40P01', '57P01']) {
      expect(toProblem(pgError(code)).status).toBe(503);
      expect(toProblem(prismaRaw(code)).status).toBe(503);
    }
    expect(toProblem(Object.assign(new Error('write conflict'), { code: 'P2034' })).status).toBe(503);
    expect(toProblem(pgError('23505')).status).toBe(500);
    expect(toProblem(prismaRaw('23505')).status).toBe(500);
  });

  it('a bug stays a 500 that leaks nothing of its message', () => {
    const problem = toProblem(new TypeError('cannot read secret of undefined'));
    expect(problem.status).toBe(500);
    expect(problem.detail).not.toContain('secret');
  });
});
