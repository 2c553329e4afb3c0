import { Module } from '@nestjs/common';
import { ReferencesModule } from '../references/references.module';
import { StaffController } from './staff.controller';

@Module({ imports: [ReferencesModule], controllers: [StaffController] })
export class StaffModule {}
