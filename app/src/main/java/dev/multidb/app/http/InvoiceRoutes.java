package dev.multidb.app.http;

import dev.multidb.app.customerinvoices.CustomerInvoices;
import dev.multidb.app.http.InvoiceInput.NewInvoice;
import dev.multidb.app.http.Views.InvoiceListView;
import dev.multidb.app.http.Views.InvoiceView;
import dev.multidb.app.registry.Database;
import dev.multidb.database2.Invoice;
import dev.multidb.database2.InvoiceRepository;
import dev.multidb.database2.InvoiceStatus;
import dev.multidb.database2.PayOutcome;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/** Invoices: database2, checked against their customer in database1 where the path names one. */
final class InvoiceRoutes {

    private final Database database2;
    private final CustomerInvoices customerInvoices;
    private final IdempotentWrites invoiceKeys;

    InvoiceRoutes(Database database2, CustomerInvoices customerInvoices, IdempotentWrites invoiceKeys) {
        this.database2 = database2;
        this.customerInvoices = customerInvoices;
        this.invoiceKeys = invoiceKeys;
    }

    void register(RoutesConfig routes) {
        routes.get("/customers/{id}/invoices", this::list);
        routes.post("/customers/{id}/invoices", this::create);
        routes.get("/invoices/{id}", this::find);
        routes.post("/invoices/{id}/pay", this::pay);
    }

    private void list(Context ctx) {
        long customerId = Params.id(ctx, "id");
        Optional<InvoiceStatus> status = Params.status(ctx);
        List<Invoice> invoices = customerInvoices.invoicesOf(customerId, status,
                ReadYourWrites.token(ctx));
        Responses.json(ctx, 200, InvoiceListView.of(invoices));
    }

    private void create(Context ctx) {
        long customerId = Params.id(ctx, "id");
        Optional<String> key = RequestKey.header(ctx);
        byte[] body = JsonBody.bytes(ctx);
        NewInvoice input = InvoiceInput.create(JsonBody.object(body));
        // The key is looked up before the customer's row is locked, and stored in database2's transaction.
        Optional<RequestKey> requestKey = RequestKey.of(ctx, key, body);
        invoiceKeys.replayOr(requestKey, () -> customerInvoices.createInvoice(customerId, input.amount(),
                input.currency(), (d2, create) -> invoiceKeys.write(d2, requestKey, d -> {
                    Invoice invoice = create.apply(d);
                    return Answer.of(201, "/invoices/" + invoice.id(), InvoiceView.of(invoice));
                }))).write(ctx);
    }

    private void find(Context ctx) {
        long id = Params.id(ctx, "id");
        Invoice invoice = database2.call(dsl -> new InvoiceRepository(dsl).findById(id))
                .orElseThrow(() -> HttpProblem.notFound("invoice " + id + " does not exist"));
        Responses.json(ctx, 200, InvoiceView.of(invoice));
    }

    // The body of a pay is not read: the fingerprint takes it as sent, so a retry must resend the same bytes.
    private void pay(Context ctx) {
        long id = Params.id(ctx, "id");
        Optional<String> key = RequestKey.header(ctx);
        invoiceKeys.run(RequestKey.of(ctx, key, key.isEmpty() ? new byte[0] : ctx.bodyAsBytes()), dsl -> {
            InvoiceRepository invoices = new InvoiceRepository(dsl);
            PayOutcome outcome = invoices.pay(id);
            return switch (outcome) {
                case PAID -> Answer.of(200, null, InvoiceView.of(invoices.findById(id).orElseThrow()));
                case NOT_FOUND -> throw HttpProblem.notFound("invoice " + id + " does not exist");
                case NOT_OPEN -> throw HttpProblem.conflict("invoice " + id + " is not open, so it cannot be paid");
            };
        }).write(ctx);
    }
}
