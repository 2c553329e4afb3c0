import { toProblem } from './to-problem';

const prismaError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('the problem a caller sees for an error a service did not expect', () => {
  it('a database too busy to lend a connection or start a transaction is a 503 to retry, not a 500', () => {
    expect(toProblem(prismaError('P2024')).status).toBe(503);
    expect(toProblem(prismaError('P2028')).status).toBe(503);
    expect(toProblem(new Error('Transaction API error: Transaction already closed: A commit cannot be executed on an expired transaction.')).status).toBe(503);
  });

  it('a deadlock or serialization failure reported by PostgreSQL, however wrapped, is a 503', () => {
    expect(toProblem(Object.assign(new Error('wrapped'), { cause: prismaError('40P01') })).status).toBe(503);
    expect(toProblem(Object.assign(new Error('prisma'), { code: 'P2010', meta: { code: '40001' } })).status).toBe(503);
  });

  it('a bug stays a 500 that leaks nothing of its message', () => {
    const problem = toProblem(new TypeError('cannot read secret of undefined'));
    expect(problem.status).toBe(500);
    expect(problem.detail).not.toContain('secret');
  });
});
