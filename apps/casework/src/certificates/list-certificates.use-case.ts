import { Injectable } from '@nestjs/common';
import type { RpcMeta } from '@mediation/protocol';
import { CaseFinder } from '../cases/case-finder';
import { CaseworkDatabase } from '../database/casework.database';
import { CertificateRepository } from './certificate.repository';
import { toCertificateView } from './certificate.view';

@Injectable()
export class ListCertificatesUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly finder: CaseFinder,
    private readonly certificates: CertificateRepository,
  ) {}

  execute(meta: RpcMeta, caseId: string) {
    return this.db.forTenant(meta, async (tx) => ({
      items: (await this.certificates.listForCase(tx, (await this.finder.read(tx, meta, caseId)).id)).map(toCertificateView),
    }));
  }
}
