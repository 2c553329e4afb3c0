import { Module } from '@nestjs/common';
import { CreateEndpointUseCase } from './create-endpoint.use-case';
import { DeleteEndpointUseCase } from './delete-endpoint.use-case';
import { EndpointRepository } from './endpoint.repository';
import { EndpointsRpcController } from './endpoints.rpc-controller';
import { ReadEndpointsUseCase } from './read-endpoints.use-case';
import { RotateSecretUseCase } from './rotate-secret.use-case';
import { UpdateEndpointUseCase } from './update-endpoint.use-case';

@Module({
  controllers: [EndpointsRpcController],
  providers: [EndpointRepository, CreateEndpointUseCase, ReadEndpointsUseCase, UpdateEndpointUseCase, DeleteEndpointUseCase, RotateSecretUseCase],
  exports: [EndpointRepository, ReadEndpointsUseCase],
})
export class EndpointsModule {}
