import { Injectable } from '@nestjs/common';
import { ApiKeyRepository, type ApiKeyRecord } from '../auth/api-key.repository';

@Injectable()
export class ListApiKeysUseCase {
  constructor(private readonly keys: ApiKeyRepository) {}

  execute(organisationId: string): Promise<ApiKeyRecord[]> {
    return this.keys.list(organisationId);
  }
}
