import { Injectable } from '@nestjs/common';
import { UserRepository, type UserRecord } from './user.repository';

@Injectable()
export class ListUsersUseCase {
  constructor(private readonly users: UserRepository) {}

  execute(organisationId: string): Promise<UserRecord[]> {
    return this.users.list(organisationId);
  }
}
