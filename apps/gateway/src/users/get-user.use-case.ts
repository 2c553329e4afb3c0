import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import { UserRepository, type UserRecord } from './user.repository';

@Injectable()
export class GetUserUseCase {
  constructor(private readonly users: UserRepository) {}

  async execute(organisationId: string, id: string): Promise<UserRecord> {
    const user = await this.users.find(organisationId, id);
    if (!user) throw ProblemError.notFound('user', id);
    return user;
  }
}
