import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { OrganisationReferences } from './organisation-references';

@Module({ imports: [UsersModule], providers: [OrganisationReferences], exports: [OrganisationReferences] })
export class ReferencesModule {}
