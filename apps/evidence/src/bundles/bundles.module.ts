import { Module } from '@nestjs/common';
import { GrantGuard } from '../grants/grant.guard';
import { ItemsModule } from '../items/items.module';
import { BundleHttpController } from './bundle.http-controller';
import { BundleRepository } from './bundle.repository';
import { BundleRpcController } from './bundle.rpc-controller';
import { CreateBundleUseCase } from './create-bundle.use-case';
import { ListCaseBundlesUseCase } from './list-case-bundles.use-case';
import { LocateBundleUseCase } from './locate-bundle.use-case';
import { ReadBundleUseCase } from './read-bundle.use-case';

/** Court bundles: chosen exhibits, verified, as one paginated PDF with an index and bookmarks. */
@Module({
  imports: [ItemsModule],
  controllers: [BundleHttpController, BundleRpcController],
  providers: [BundleRepository, CreateBundleUseCase, ReadBundleUseCase, LocateBundleUseCase, ListCaseBundlesUseCase, GrantGuard],
})
export class BundlesModule {}
