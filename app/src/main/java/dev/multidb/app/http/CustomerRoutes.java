package dev.multidb.app.http;

import dev.multidb.app.customerinvoices.CustomerInvoices;
import dev.multidb.app.http.CustomerInput.NewCustomer;
import dev.multidb.app.http.Views.CustomerPageView;
import dev.multidb.app.http.Views.CustomerView;
import dev.multidb.app.http.Views.SummaryView;
import dev.multidb.app.registry.Database;
import dev.multidb.app.registry.Written;
import dev.multidb.database1.Customer;
import dev.multidb.database1.CustomerChange;
import dev.multidb.database1.CustomerPage;
import dev.multidb.database1.CustomerRepository;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/** /customers: database1, plus deletion and the summary, which also need database2. */
final class CustomerRoutes {

    private final Database database1;
    private final CustomerInvoices customerInvoices;
    private final IdempotentWrites customerKeys;

    CustomerRoutes(Database database1, CustomerInvoices customerInvoices, IdempotentWrites customerKeys) {
        this.database1 = database1;
        this.customerInvoices = customerInvoices;
        this.customerKeys = customerKeys;
    }

    void register(RoutesConfig routes) {
        routes.get("/customers", this::list);
        routes.post("/customers", this::create);
        routes.get("/customers/{id}", this::find);
        routes.patch("/customers/{id}", this::update);
        routes.delete("/customers/{id}", this::delete);
        routes.get("/customers/{id}/summary", this::summary);
    }

    private void list(Context ctx) {
        int limit = Params.limit(ctx);
        long after = Params.after(ctx);
        CustomerPage page = database1.read(ReadYourWrites.token(ctx), dsl -> new CustomerRepository(dsl).page(after,
                limit));
        Responses.json(ctx, 200, CustomerPageView.of(page));
    }

    private void create(Context ctx) {
        Optional<String> key = RequestKey.header(ctx);
        byte[] body = JsonBody.bytes(ctx);
        NewCustomer input = CustomerInput.create(JsonBody.object(body));
        customerKeys.run(RequestKey.of(ctx, key, body), dsl -> {
            Customer customer = new CustomerRepository(dsl).create(input.email(), input.name());
            return Answer.of(201, "/customers/" + customer.id(), CustomerView.of(customer));
        }).write(ctx);
    }

    private void find(Context ctx) {
        long id = Params.id(ctx, "id");
        Customer customer = database1.read(ReadYourWrites.token(ctx), dsl -> new CustomerRepository(dsl).findById(id))
                .orElseThrow(() -> CustomerInvoices.customerNotFound(id));
        Responses.json(ctx, 200, CustomerView.of(customer));
    }

    private void update(Context ctx) {
        long id = Params.id(ctx, "id");
        CustomerChange change = CustomerInput.change(JsonBody.mergePatch(ctx));
        Written<Optional<Customer>> written = database1.write(dsl -> new CustomerRepository(dsl).update(id, change));
        Customer customer = written.value().orElseThrow(() -> CustomerInvoices.customerNotFound(id));
        ReadYourWrites.send(ctx, written);
        Responses.json(ctx, 200, CustomerView.of(customer));
    }

    private void delete(Context ctx) {
        ReadYourWrites.send(ctx, customerInvoices.deleteCustomer(Params.id(ctx, "id")));
        Responses.noContent(ctx);
    }

    private void summary(Context ctx) {
        CustomerInvoices.Summary summary = customerInvoices.summary(Params.id(ctx, "id"),
                ReadYourWrites.token(ctx));
        Responses.json(ctx, 200, SummaryView.of(summary.customer(), summary.invoices()));
    }
}
