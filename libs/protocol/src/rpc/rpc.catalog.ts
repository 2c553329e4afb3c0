import { BILLING_RPC } from './billing.rpc';
import { CASEWORK_RPC } from './casework.rpc';
import { INTAKE_RPC } from './intake.rpc';
import { NOTIFY_RPC } from './notify.rpc';
import { REPORTING_RPC } from './reporting.rpc';
import { SCHEDULING_RPC } from './scheduling.rpc';
import { WebhooksRpc } from './webhooks.rpc';

/**
 * Every service's verbs, a group per service. Each group is a getter over an import the build compiles
 * lazily (tools/build/swc-options.cjs), so a service builds the schemas of the groups it serves and calls,
 * not every service's (all of them are about 6 MB of heap).
 */
export const Rpc = {
  get intake() {
    return INTAKE_RPC;
  },
  get casework() {
    return CASEWORK_RPC;
  },
  get scheduling() {
    return SCHEDULING_RPC;
  },
  get notify() {
    return NOTIFY_RPC;
  },
  get reporting() {
    return REPORTING_RPC;
  },
  get billing() {
    return BILLING_RPC;
  },
  get webhooks() {
    return WebhooksRpc;
  },
};
