import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'mediation:public-route';

/** A /v1 route anyone may call, such as signing in. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
