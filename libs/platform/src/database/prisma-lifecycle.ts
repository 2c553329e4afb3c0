import type { HealthRegistry } from '../health/health.registry';
import { ShutdownPhase, type LifecycleService } from '../lifecycle/lifecycle.service';

interface PrismaLike {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $disconnect(): Promise<void>;
}

/** Ready only once the service's own schema is migrated; disconnected last on shutdown. */
export function registerDatabase(prisma: PrismaLike, schema: string, health: HealthRegistry, lifecycle: LifecycleService): void {
  health.register({
    name: 'postgres',
    check: async () => {
      const rows = await prisma.$queryRawUnsafe<{ migrated: string | null }[]>(`SELECT to_regclass($1)::text AS migrated`, `"${schema}"._prisma_migrations`);
      if (!rows[0]?.migrated) throw new Error(`schema "${schema}" is not migrated; run npm run db:migrate`);
    },
  });
  lifecycle.onShutdown(ShutdownPhase.DisconnectDatabase, 'postgres', () => prisma.$disconnect());
}
