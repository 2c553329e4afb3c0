import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { ThrottleModule } from '../throttle/throttle.module';
import { ContractLinks } from './contract-links';
import { CreateUserUseCase } from './create-user.use-case';
import { GetMeUseCase } from './get-me.use-case';
import { GetUserUseCase } from './get-user.use-case';
import { ListUsersUseCase } from './list-users.use-case';
import { MeController } from './me.controller';
import { OrganisationAdminsEvents } from './organisation-admins.events';
import { SetPasswordUseCase } from './set-password.use-case';
import { SignInAttempts } from './sign-in-attempts';
import { StaffLinks } from './staff-links';
import { UpdateUserUseCase } from './update-user.use-case';
import { UserRepository } from './user.repository';
import { UsersController } from './users.controller';

@Module({
  // Redis holds the sign-in attempts, also for the ops commands and the development seed, which have no HTTP server.
  imports: [OrganisationsModule, ThrottleModule],
  controllers: [UsersController, MeController],
  providers: [
    UserRepository,
    ContractLinks,
    StaffLinks,
    CreateUserUseCase,
    ListUsersUseCase,
    GetUserUseCase,
    UpdateUserUseCase,
    SetPasswordUseCase,
    GetMeUseCase,
    SignInAttempts,
    OrganisationAdminsEvents,
  ],
  exports: [UserRepository, SignInAttempts, CreateUserUseCase, UpdateUserUseCase, SetPasswordUseCase, OrganisationAdminsEvents],
})
export class UsersModule {}
