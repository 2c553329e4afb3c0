import { checkOutboundUrl, OutboundAddressError, ProblemError } from '@mediation/platform';

/**
 * A partner's URL, checked when stored and before every delivery (DNS can change): https, no credentials,
 * and a host that resolves only to public addresses (never loopback, private, link-local or a cloud's
 * metadata service), unless development allows this machine.
 */
export async function checkEndpointUrl(raw: string, allowLoopback: boolean, field = 'url'): Promise<URL> {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw ProblemError.validation([{ field, message: 'must be an absolute https URL', code: 'invalid_url' }]);
  }
  if (parsed.hash) throw ProblemError.validation([{ field, message: 'must not carry a #fragment', code: 'invalid_url' }]);
  return checkOutboundUrl(parsed.toString(), { allowLoopback }).catch((error: unknown) => {
    if (error instanceof OutboundAddressError)
      throw ProblemError.validation([{ field, message: `${error.message}: webhooks go only to public https addresses`, code: 'address_not_allowed' }]);
    throw error;
  });
}
