package dev.multidb.app.http;

import dev.multidb.database1.Customer;
import dev.multidb.database1.CustomerPage;
import dev.multidb.database2.Invoice;
import dev.multidb.database2.InvoiceStatus;
import dev.multidb.database2.InvoiceSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The JSON shapes of the API, built from the repositories' records. */
final class Views {

    record CustomerView(long id, String email, String name, String createdAt) {
        static CustomerView of(Customer customer) {
            return new CustomerView(customer.id(), customer.email(), customer.name(), Json.time(customer.createdAt()));
        }
    }

    record CustomerPageView(List<CustomerView> items, Long next) {
        static CustomerPageView of(CustomerPage page) {
            return new CustomerPageView(page.items().stream().map(CustomerView::of).toList(), page.next());
        }
    }

    record InvoiceView(long id, long customerId, String amount, String currency, String status, String issuedAt) {
        static InvoiceView of(Invoice invoice) {
            return new InvoiceView(invoice.id(), invoice.customerId(), Json.money(invoice.amount()),
                    invoice.currency(), invoice.status().id(), Json.time(invoice.issuedAt()));
        }
    }

    record InvoiceListView(List<InvoiceView> items) {
        static InvoiceListView of(List<Invoice> invoices) {
            return new InvoiceListView(invoices.stream().map(InvoiceView::of).toList());
        }
    }

    record SummaryView(CustomerView customer, Map<String, Long> invoices, Map<String, String> outstanding) {
        static SummaryView of(Customer customer, InvoiceSummary summary) {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (InvoiceStatus status : InvoiceStatus.values()) {
                counts.put(status.id(), summary.counts().getOrDefault(status, 0L));
            }
            Map<String, String> outstanding = new TreeMap<>();
            summary.outstanding().forEach((currency, total) -> outstanding.put(currency, Json.money(total)));
            return new SummaryView(CustomerView.of(customer), counts, outstanding);
        }
    }

    private Views() {
    }

}
