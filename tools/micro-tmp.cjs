const { PrismaClient } = require('/work/main/dist/apps/scheduling/src/generated/prisma/client.js');
const { PrismaPg } = require('@prisma/adapter-pg');
const { Pool } = require('pg');
const { AsyncLocalStorage } = require('node:async_hooks');
const als = new AsyncLocalStorage();
class TrackingPool extends Pool { async connect(...a) { if (a.length) return super.connect(...a); const c = await super.connect(); const h = als.getStore(); if (h && !h.conn) h.conn = c; return c; } }
const url = 'postgresql://postgres@127.0.0.1:5432/postgres';
(async () => {
  const pool = new TrackingPool({ connectionString: url, max: 10 });
  const db = new PrismaClient({ adapter: new PrismaPg(pool) });
  const N = 2000;
  const work = async (q) => { await q('SELECT $1::int AS a, $2::text AS b', 1, 'x'); await q('SELECT $1::uuid AS id', '00000000-0000-0000-0000-000000000001'); await q('SELECT now() AS t'); };
  for (let round = 0; round < 2; round++) {
    let c = process.cpuUsage(), t = Date.now();
    for (let i = 0; i < N; i++) await db.$transaction(async (tx) => work((s, ...v) => tx.$queryRawUnsafe(s, ...v)), { maxWait: 5000, timeout: 15000 });
    let u = process.cpuUsage(c); console.log('prisma tx+3 raw       ', ((u.user + u.system) / N).toFixed(0), 'us cpu/tx', ((Date.now() - t) * 1000 / N).toFixed(0), 'us wall');
    c = process.cpuUsage(); t = Date.now();
    for (let i = 0; i < N; i++) { const h = {}; await als.run(h, () => db.$transaction(async (tx) => work((s, ...v) => h.conn.query(s, v)), { maxWait: 5000, timeout: 15000 })); }
    u = process.cpuUsage(c); console.log('prisma tx+3 on its conn', ((u.user + u.system) / N).toFixed(0), 'us cpu/tx', ((Date.now() - t) * 1000 / N).toFixed(0), 'us wall');
    c = process.cpuUsage(); t = Date.now();
    for (let i = 0; i < N; i++) { const cl = await pool.connect(); try { await cl.query('BEGIN'); await work((s, ...v) => cl.query(s, v)); await cl.query('COMMIT'); } finally { cl.release(); } }
    u = process.cpuUsage(c); console.log('pg tx+3 raw           ', ((u.user + u.system) / N).toFixed(0), 'us cpu/tx', ((Date.now() - t) * 1000 / N).toFixed(0), 'us wall');
  }
  await db.$disconnect(); await pool.end();
})();
