import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { CreateEndpointUseCase } from './create-endpoint.use-case';
import { DeleteEndpointUseCase } from './delete-endpoint.use-case';
import { ReadEndpointsUseCase } from './read-endpoints.use-case';
import { RotateSecretUseCase } from './rotate-secret.use-case';
import { UpdateEndpointUseCase } from './update-endpoint.use-case';

@Controller()
export class EndpointsRpcController {
  constructor(
    private readonly createEndpoint: CreateEndpointUseCase,
    private readonly readEndpoints: ReadEndpointsUseCase,
    private readonly updateEndpoint: UpdateEndpointUseCase,
    private readonly deleteEndpoint: DeleteEndpointUseCase,
    private readonly rotateSecret: RotateSecretUseCase,
  ) {}

  @MessagePattern(Rpc.webhooks.createEndpoint.subject)
  create(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.webhooks.createEndpoint, raw);
    return this.createEndpoint.execute(meta, data);
  }

  @MessagePattern(Rpc.webhooks.listEndpoints.subject)
  list(@Payload() raw: unknown) {
    const { meta } = parseRpcRequest(Rpc.webhooks.listEndpoints, raw);
    return this.readEndpoints.list(meta);
  }

  @MessagePattern(Rpc.webhooks.getEndpoint.subject)
  get(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.webhooks.getEndpoint, raw);
    return this.readEndpoints.get(meta, data.webhookId);
  }

  @MessagePattern(Rpc.webhooks.updateEndpoint.subject)
  update(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.webhooks.updateEndpoint, raw);
    return this.updateEndpoint.execute(meta, data.webhookId, data.changes);
  }

  @MessagePattern(Rpc.webhooks.deleteEndpoint.subject)
  delete(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.webhooks.deleteEndpoint, raw);
    return this.deleteEndpoint.execute(meta, data.webhookId);
  }

  @MessagePattern(Rpc.webhooks.rotateSecret.subject)
  rotate(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.webhooks.rotateSecret, raw);
    return this.rotateSecret.execute(meta, data.webhookId, data.rotation.overlapSeconds);
  }
}
