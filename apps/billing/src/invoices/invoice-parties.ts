import type { ContractDefinition, OrganisationProfile } from '@mediation/protocol';

export interface InvoiceParty {
  name: string;
  address: string[];
  vatNumber: string | null;
  email: string | null;
}
export interface InvoiceParties {
  seller: InvoiceParty;
  buyer: InvoiceParty;
}

/** Who invoices whom: the organisation (its profile, the VAT number its contract names) and the contract's main buyer, to its invoice recipient. */
export function invoicePartiesOf(definition: ContractDefinition, profile: OrganisationProfile | null): InvoiceParties {
  const buyer = definition.buyers[0];
  const recipient = definition.billing?.invoiceRecipient;
  return {
    seller: {
      name: profile?.name ?? 'Organisation profile not yet received',
      address: profile?.address ?? [],
      vatNumber: definition.billing?.supplierVatNumber ?? null,
      email: null,
    },
    buyer: {
      name: recipient?.name ? `${buyer.name} (${recipient.name})` : buyer.name,
      address: [],
      vatNumber: null,
      email: recipient?.email ?? buyer.contact?.email ?? null,
    },
  };
}
