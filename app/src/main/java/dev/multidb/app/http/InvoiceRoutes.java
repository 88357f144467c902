package dev.multidb.app.http;

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

    InvoiceRoutes(Database database2, CustomerInvoices customerInvoices) {
        this.database2 = database2;
        this.customerInvoices = customerInvoices;
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
        NewInvoice input = InvoiceInput.create(JsonBody.object(ctx));
        Invoice invoice = customerInvoices.createInvoice(customerId, input.amount(), input.currency());
        ctx.header("Location", "/invoices/" + invoice.id());
        Responses.json(ctx, 201, InvoiceView.of(invoice));
    }

    private void find(Context ctx) {
        long id = Params.id(ctx, "id");
        Invoice invoice = database2.call(dsl -> new InvoiceRepository(dsl).findById(id))
                .orElseThrow(() -> HttpProblem.notFound("invoice " + id + " does not exist"));
        Responses.json(ctx, 200, InvoiceView.of(invoice));
    }

    private void pay(Context ctx) {
        long id = Params.id(ctx, "id");
        Invoice paid = database2.call(dsl -> {
            InvoiceRepository invoices = new InvoiceRepository(dsl);
            PayOutcome outcome = invoices.pay(id);
            return switch (outcome) {
                case PAID -> invoices.findById(id).orElseThrow();
                case NOT_FOUND -> throw HttpProblem.notFound("invoice " + id + " does not exist");
                case NOT_OPEN -> throw HttpProblem.conflict("invoice " + id + " is not open, so it cannot be paid");
            };
        });
        Responses.json(ctx, 200, InvoiceView.of(paid));
    }
}
