package dev.multidb.app.http;

import static dev.multidb.app.testing.TestApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.multidb.app.testing.RunningApp;
import dev.multidb.database2.InvoiceRepository;
import dev.multidb.database2.InvoiceStatus;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class InvoiceApiTest {

    @RegisterExtension
    static final RunningApp app = RunningApp.emptiedBeforeEachTest();

    @Test
    void createdInvoiceIsOpenWithItsAmountAsDecimalString() {
        long customer = createCustomer("ada@example.com");

        HttpResponse<String> created = app.client().post("/customers/" + customer + "/invoices",
                "{\"amount\": \"12.5\", \"currency\": \"EUR\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode invoice = json(created.body());
        assertThat(invoice.get("id").asLong()).isPositive();
        assertThat(invoice.get("customerId").asLong()).isEqualTo(customer);
        assertThat(invoice.get("amount").isTextual()).isTrue();
        assertThat(invoice.get("amount").asText()).isEqualTo("12.50");
        assertThat(invoice.get("currency").asText()).isEqualTo("EUR");
        assertThat(invoice.get("status").asText()).isEqualTo("open");
        assertThat(invoice.get("issuedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(created.headers().firstValue("Location")).contains("/invoices/" + invoice.get("id").asLong());
    }

    @Test
    void createdInvoiceIsReadBackAtItsLocation() {
        long customer = createCustomer("ada@example.com");

        HttpResponse<String> created = app.client().post("/customers/" + customer + "/invoices",
                "{\"amount\": \"12.50\", \"currency\": \"EUR\"}");

        String location = "/invoices/" + json(created.body()).get("id").asLong();
        assertThat(created.headers().firstValue("Location")).contains(location);
        HttpResponse<String> read = app.client().get(location);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(json(read.body())).isEqualTo(json(created.body()));
    }

    @Test
    void unknownInvoiceIsNotFoundAsProblem() {
        HttpResponse<String> response = app.client().get("/invoices/123");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(json(response.body()).get("detail").asText()).isEqualTo("invoice 123 does not exist");
    }

    @Test
    void amountsKeepTheirDecimalsDownToTwo() {
        long customer = createCustomer("ada@example.com");

        assertThat(amountOf(createInvoice(customer, "0.0001", "EUR"))).isEqualTo("0.0001");
        assertThat(amountOf(createInvoice(customer, "100", "EUR"))).isEqualTo("100.00");
        assertThat(amountOf(createInvoice(customer, "123456789012345.679", "EUR"))).isEqualTo("123456789012345.679");
        assertThat(amountOf(createInvoice(customer, "1.23000", "EUR"))).isEqualTo("1.23");
    }

    @Test
    void invoiceForUnknownCustomerIsNotFoundAndNotWritten() {
        HttpResponse<String> response = app.client().post("/customers/77/invoices", "{\"amount\": \"1.00\", \"currency\": \"EUR\"}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(new InvoiceRepository(app.database2().dsl()).listByCustomer(77, java.util.Optional.empty())).isEmpty();
    }

    @Test
    void invoicesAreListedInOrderAndFilteredByStatus() {
        long customer = createCustomer("ada@example.com");
        long first = createInvoice(customer, "1.00", "EUR").get("id").asLong();
        long second = createInvoice(customer, "2.00", "USD").get("id").asLong();
        app.client().post("/invoices/" + first + "/pay", "");

        assertThat(idsOf(app.client().get("/customers/" + customer + "/invoices"))).containsExactly(first, second);
        assertThat(idsOf(app.client().get("/customers/" + customer + "/invoices?status=open"))).containsExactly(second);
        assertThat(idsOf(app.client().get("/customers/" + customer + "/invoices?status=paid"))).containsExactly(first);
        assertThat(idsOf(app.client().get("/customers/" + customer + "/invoices?status=void"))).isEmpty();
    }

    @Test
    void invoicesOfUnknownCustomerAreNotFound() {
        assertThat(app.client().get("/customers/5/invoices").statusCode()).isEqualTo(404);
    }

    @Test
    void payingAnOpenInvoiceMarksItPaid() {
        long customer = createCustomer("ada@example.com");
        long invoice = createInvoice(customer, "3.00", "EUR").get("id").asLong();

        HttpResponse<String> paid = app.client().post("/invoices/" + invoice + "/pay", "");

        assertThat(paid.statusCode()).isEqualTo(200);
        assertThat(json(paid.body()).get("status").asText()).isEqualTo("paid");
        assertThat(json(paid.body()).get("amount").asText()).isEqualTo("3.00");
    }

    @Test
    void payingTwiceConflicts() {
        long customer = createCustomer("ada@example.com");
        long invoice = createInvoice(customer, "3.00", "EUR").get("id").asLong();
        app.client().post("/invoices/" + invoice + "/pay", "");

        HttpResponse<String> again = app.client().post("/invoices/" + invoice + "/pay", "");

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again.body()).get("status").asInt()).isEqualTo(409);
    }

    @Test
    void payingUnknownInvoiceIsNotFound() {
        assertThat(app.client().post("/invoices/123/pay", "").statusCode()).isEqualTo(404);
    }

    @Test
    void summaryCountsByStatusAndTotalsOpenAmountsExactly() {
        long customer = createCustomer("ada@example.com");
        createInvoice(customer, "0.10", "EUR");
        createInvoice(customer, "0.20", "EUR");
        createInvoice(customer, "5", "USD");
        long paid = createInvoice(customer, "7.00", "EUR").get("id").asLong();
        app.client().post("/invoices/" + paid + "/pay", "");

        HttpResponse<String> response = app.client().get("/customers/" + customer + "/summary");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode summary = json(response.body());
        assertThat(summary.get("customer")).isEqualTo(json(app.client().get("/customers/" + customer).body()));
        assertThat(summary.get("invoices")).isEqualTo(json("{\"open\": 3, \"paid\": 1, \"void\": 0}"));
        assertThat(summary.get("outstanding")).isEqualTo(json("{\"EUR\": \"0.30\", \"USD\": \"5.00\"}"));
    }

    @Test
    void summaryOfUnknownCustomerIsNotFound() {
        assertThat(app.client().get("/customers/9/summary").statusCode()).isEqualTo(404);
    }

    @Test
    void customerWithAnOpenInvoiceCannotBeDeleted() {
        long customer = createCustomer("ada@example.com");
        createInvoice(customer, "1.00", "EUR");

        HttpResponse<String> response = app.client().delete("/customers/" + customer);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(app.client().get("/customers/" + customer).statusCode()).isEqualTo(200);
    }

    @Test
    void deletingACustomerKeepsItsPaidInvoicesAsHistory() {
        long customer = createCustomer("ada@example.com");
        long invoice = createInvoice(customer, "1.00", "EUR").get("id").asLong();
        app.client().post("/invoices/" + invoice + "/pay", "");

        assertThat(app.client().delete("/customers/" + customer).statusCode()).isEqualTo(204);

        assertThat(app.client().get("/customers/" + customer).statusCode()).isEqualTo(404);
        assertThat(new InvoiceRepository(app.database2().dsl()).findById(invoice))
                .hasValueSatisfying(kept -> {
                    assertThat(kept.status()).isEqualTo(InvoiceStatus.PAID);
                    assertThat(kept.amount()).isEqualByComparingTo(new BigDecimal("1.00"));
                });
    }

    private static long createCustomer(String email) {
        HttpResponse<String> response = app.client().post("/customers", "{\"email\": \"" + email + "\", \"name\": \"Ada\"}");
        assertThat(response.statusCode()).isEqualTo(201);
        return json(response.body()).get("id").asLong();
    }

    private static JsonNode createInvoice(long customer, String amount, String currency) {
        HttpResponse<String> response = app.client().post("/customers/" + customer + "/invoices",
                "{\"amount\": \"" + amount + "\", \"currency\": \"" + currency + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response.body());
    }

    private static String amountOf(JsonNode invoice) {
        return invoice.get("amount").asText();
    }

    private static List<Long> idsOf(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        json(response.body()).get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }
}
