package dev.multidb.app.customerinvoices;

import dev.multidb.core.DomainException;

/** A refusal of the rules that span both databases; its kind, not HTTP, says how the app answers. */
public final class CustomerInvoicesException extends DomainException {

    CustomerInvoicesException(Kind kind, String detail) {
        super(kind, detail, detail, null);
    }
}
