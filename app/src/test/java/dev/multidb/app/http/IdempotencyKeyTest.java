package dev.multidb.app.http;

import static dev.multidb.app.testing.TestApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.multidb.app.registry.Database;
import dev.multidb.app.testing.Poll;
import dev.multidb.core.IdempotencyKeys;
import dev.multidb.app.testing.RunningApp;
import dev.multidb.database1.jooq.Tables;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class IdempotencyKeyTest {

    @RegisterExtension
    static final RunningApp app = RunningApp.emptiedBeforeEachTest();

    private static final String KEY = RequestKey.HEADER;
    private static final String ADA = "{\"email\": \"ada@example.com\", \"name\": \"Ada\"}";

    @Test
    void sameKeyAndBodyTwiceCreateOneCustomerAndReplayTheFirstAnswer() {
        HttpResponse<String> first = app.client().post("/customers", ADA, KEY, "k-1");
        HttpResponse<String> second = app.client().post("/customers", ADA, KEY, "k-1");

        assertThat(answerOf(second)).isEqualTo(answerOf(first));
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.headers().firstValue("Location")).contains("/customers/" + json(first.body()).get("id"));
        assertThat(second.headers().firstValue(Answer.REPLAYED_HEADER)).contains("true");
        assertThat(customers()).isEqualTo(1);
    }

    @Test
    void sameKeyWithAnotherBodyIsUnprocessableAndWritesNothing() {
        app.client().post("/customers", ADA, KEY, "k-1");

        HttpResponse<String> other = app.client().post("/customers",
                "{\"email\": \"alan@example.com\", \"name\": \"Alan\"}", KEY, "k-1");

        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(json(other.body()).get("detail").asText()).contains("Idempotency-Key");
        assertThat(customers()).isEqualTo(1);
    }

    @Test
    void keyThatIsTooLongOrEmptyIsABadRequestNamingTheHeader() {
        for (String key : List.of("k".repeat(256), "\"\"")) {
            HttpResponse<String> response = app.client().post("/customers", ADA, KEY, key);

            assertThat(response.statusCode()).as(key).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(json(response.body()).get("errors").get(0).get("field").asText()).isEqualTo(KEY);
        }
        assertThat(app.client().post("/customers", ADA, KEY, "k".repeat(255)).statusCode()).isEqualTo(201);
        assertThat(customers()).isEqualTo(1);
    }

    // java.net.http refuses to send control characters, so these go over a plain socket.
    @Test
    void keyWithControlCharactersIsABadRequestNamingTheHeader() throws IOException {
        for (String key : List.of("a\tb", "a\u007fb", "a\u0001b")) {
            String response = sendRaw("/customers", ADA, key);

            assertThat(response).as(key).startsWith("HTTP/1.1 400");
            assertThat(response).as(key).contains("application/problem+json");
        }
        assertThat(sendRaw("/customers", ADA, "a\tb")).contains("\"field\":\"Idempotency-Key\"");
        assertThat(customers()).isZero();
    }

    @Test
    void racingTwinsCreateOneCustomerAndEachGetsTheFirstAnswerOrInFlight() throws Exception {
        // Warm the path first: on a loaded machine a cold JVM's first writes can miss the 2 s test deadline.
        assertThat(app.client().post("/customers", ADA, KEY, "warm-up").statusCode()).isEqualTo(201);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String body = "{\"email\": \"twin" + round + "@example.com\", \"name\": \"Twin\"}";
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<HttpResponse<String>>> twins = List.of(
                        threads.submit(() -> { start.await(); return app.client().post("/customers", body, KEY, "t"); }),
                        threads.submit(() -> { start.await(); return app.client().post("/customers", body, KEY, "t"); }));
                // The same key on every round: a new body is a new request, so each round but the first is a 422.
                List<Integer> statuses = List.of(twins.get(0).get().statusCode(), twins.get(1).get().statusCode());
                if (round == 0) {
                    assertThat(statuses).contains(201).allMatch(s -> s == 201 || s == 409);
                    List<HttpResponse<String>> created = List.of(twins.get(0).get(), twins.get(1).get()).stream()
                            .filter(r -> r.statusCode() == 201).toList();
                    assertThat(created).extracting(IdempotencyKeyTest::answerOf).containsOnly(answerOf(created.getFirst()));
                } else {
                    assertThat(statuses).containsOnly(422);
                }
            }
        } finally {
            threads.shutdown();
        }
        assertThat(customers()).isEqualTo(2);
    }

    @Test
    void retryAfterAnAnswerThatWasLostReturnsTheOriginalCreated() throws IOException {
        sendAndHangUp("/customers", ADA, "lost-1");
        assertThat(Poll.until(() -> customers() == 1, Duration.ofSeconds(10))).isTrue();

        HttpResponse<String> retry = app.client().post("/customers", ADA, KEY, "lost-1");

        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue(Answer.REPLAYED_HEADER)).contains("true");
        assertThat(retry.headers().firstValue("Location")).contains("/customers/" + json(retry.body()).get("id"));
        assertThat(customers()).isEqualTo(1);
    }

    @Test
    void invoiceCreatedTwiceWithAKeyIsOneInvoiceAndItsKeyLivesInDatabase2() throws IOException {
        long customer = json(app.client().post("/customers", ADA).body()).get("id").asLong();
        String path = "/customers/" + customer + "/invoices";
        String body = "{\"amount\": \"12.50\", \"currency\": \"EUR\"}";
        sendAndHangUp(path, body, "inv-1");
        assertThat(Poll.until(() -> invoices() == 1, Duration.ofSeconds(10))).isTrue();

        HttpResponse<String> retry = app.client().post(path, body, KEY, "inv-1");
        HttpResponse<String> again = app.client().post(path, body, KEY, "inv-1");

        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(answerOf(again)).isEqualTo(answerOf(retry));
        assertThat(json(retry.body()).get("amount").asText()).isEqualTo("12.50");
        assertThat(invoices()).isEqualTo(1);
        assertThat(app.database2().dsl().fetchCount(dev.multidb.database2.jooq.Tables.IDEMPOTENCY_KEY)).isEqualTo(1);
        assertThat(app.database1().dsl().fetchCount(Tables.IDEMPOTENCY_KEY)).isZero();
    }

    @Test
    void payingTwiceWithAKeyReplaysThePaymentInsteadOfAConflict() {
        long customer = json(app.client().post("/customers", ADA).body()).get("id").asLong();
        long invoice = json(app.client().post("/customers/" + customer + "/invoices",
                "{\"amount\": \"3.00\", \"currency\": \"EUR\"}").body()).get("id").asLong();

        HttpResponse<String> paid = app.client().post("/invoices/" + invoice + "/pay", "", KEY, "pay-1");
        HttpResponse<String> retried = app.client().post("/invoices/" + invoice + "/pay", "", KEY, "pay-1");

        assertThat(paid.statusCode()).isEqualTo(200);
        assertThat(json(paid.body()).get("status").asText()).isEqualTo("paid");
        assertThat(answerOf(retried)).isEqualTo(answerOf(paid));
        assertThat(app.client().post("/invoices/" + invoice + "/pay", "").statusCode()).isEqualTo(409);
    }

    @Test
    void failedRequestIsNotStoredSoItsRetryRunsAgain() {
        HttpResponse<String> missing = app.client().post("/invoices/9/pay", "", KEY, "pay-9");
        HttpResponse<String> again = app.client().post("/invoices/9/pay", "", KEY, "pay-9");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.headers().firstValue(Answer.REPLAYED_HEADER)).isEmpty();
        assertThat(app.database2().dsl().fetchCount(dev.multidb.database2.jooq.Tables.IDEMPOTENCY_KEY)).isZero();
    }

    @Test
    void conflictIsNotStoredSoTheSameKeySucceedsOnceTheConflictIsGone() {
        long other = json(app.client().post("/customers", ADA).body()).get("id").asLong();

        HttpResponse<String> taken = app.client().post("/customers", ADA, KEY, "k-1");
        app.client().delete("/customers/" + other);
        HttpResponse<String> retry = app.client().post("/customers", ADA, KEY, "k-1");

        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue(Answer.REPLAYED_HEADER)).isEmpty();
        assertThat(customers()).isEqualTo(1);
    }

    @Test
    void racingInvoiceTwinsCreateOneInvoice() throws Exception {
        long customer = json(app.client().post("/customers", ADA).body()).get("id").asLong();
        String path = "/customers/" + customer + "/invoices";
        String body = "{\"amount\": \"1.00\", \"currency\": \"EUR\"}";
        assertThat(app.client().post(path, body, KEY, "warm-up").statusCode()).isEqualTo(201);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<HttpResponse<String>>> twins = List.of(
                    threads.submit(() -> { start.await(); return app.client().post(path, body, KEY, "i"); }),
                    threads.submit(() -> { start.await(); return app.client().post(path, body, KEY, "i"); }));
            List<HttpResponse<String>> answers = List.of(twins.get(0).get(), twins.get(1).get());

            assertThat(answers).extracting(HttpResponse::statusCode).contains(201).allMatch(s -> s == 201 || s == 409);
            List<Seen> created = answers.stream().filter(r -> r.statusCode() == 201).map(IdempotencyKeyTest::answerOf)
                    .toList();
            assertThat(created).containsOnly(created.getFirst());
        } finally {
            threads.shutdown();
        }
        assertThat(invoices()).isEqualTo(2);
    }

    @Test
    void expiredKeysArePurgedSoTheirKeyServesANewRequest() {
        storeAnswered(app.database1(), "old", "/customers", ADA, Instant.now().minus(Duration.ofHours(25)));
        HttpResponse<String> fresh = app.client().post("/customers", ADA, KEY, "fresh");
        IdempotencyPurge purge = new IdempotencyPurge(stores(), Duration.ofHours(24), Clock.systemUTC())
                .every(Duration.ZERO, Duration.ofMillis(50));
        try {
            assertThat(Poll.until(() -> keys(app.database1()) == 1, Duration.ofSeconds(10))).isTrue();
        } finally {
            purge.close();
        }

        assertThat(answerOf(app.client().post("/customers", ADA, KEY, "fresh"))).isEqualTo(answerOf(fresh));
        HttpResponse<String> reused = app.client().post("/customers",
                "{\"email\": \"alan@example.com\", \"name\": \"Alan\"}", KEY, "old");
        assertThat(reused.statusCode()).isEqualTo(201);
        assertThat(reused.headers().firstValue(Answer.REPLAYED_HEADER)).isEmpty();
    }

    @Test
    void onePurgeRunDeletesAtMostItsBatchesPerDatabase() {
        Instant expired = Instant.now().minus(Duration.ofHours(48));
        for (int i = 0; i < 5; i++) {
            storeAnswered(app.database2(), "pay-" + i, "/invoices/" + i + "/pay", "", expired);
        }
        IdempotencyPurge purge = new IdempotencyPurge(stores(), Duration.ofHours(24), Clock.systemUTC(), 2, 2);

        assertThat(purge.purgeExpired()).isEqualTo(4);
        assertThat(keys(app.database2())).isEqualTo(1);
        assertThat(purge.purgeExpired()).isEqualTo(1);
        assertThat(keys(app.database2())).isZero();
        purge.close();
    }

    private static List<IdempotentWrites> stores() {
        return List.of(new IdempotentWrites(app.database1(), dev.multidb.database1.IdempotencyKeyRepository::new),
                new IdempotentWrites(app.database2(), dev.multidb.database2.IdempotencyKeyRepository::new));
    }

    // A write committed with its key as the app does it, at a given time.
    private static void storeAnswered(Database database, String key, String path, String body, Instant at) {
        RequestKey requestKey = RequestKey.of("POST", path, key, body.getBytes(StandardCharsets.UTF_8));
        Function<DSLContext, IdempotencyKeys> keys = database == app.database1()
                ? dev.multidb.database1.IdempotencyKeyRepository::new
                : dev.multidb.database2.IdempotencyKeyRepository::new;
        database.dsl().transaction(tx -> {
            IdempotencyKeys stored = keys.apply(tx.dsl());
            stored.claim(requestKey.hash(), requestKey.fingerprint(), at, Duration.ofSeconds(1));
            stored.complete(requestKey.hash(), 201, path, "{}");
        });
    }

    private static int keys(Database database) {
        return database == app.database1()
                ? database.dsl().fetchCount(dev.multidb.database1.jooq.Tables.IDEMPOTENCY_KEY)
                : database.dsl().fetchCount(dev.multidb.database2.jooq.Tables.IDEMPOTENCY_KEY);
    }

    private record Seen(int status, String location, String body) {
    }

    private static Seen answerOf(HttpResponse<String> response) {
        return new Seen(response.statusCode(), response.headers().firstValue("Location").orElse(null), response.body());
    }

    private static int customers() {
        return app.database1().dsl().fetchCount(dev.multidb.database1.jooq.Tables.CUSTOMER);
    }

    private static int invoices() {
        return app.database2().dsl().fetchCount(dev.multidb.database2.jooq.Tables.INVOICE);
    }

    // The client sends the whole request and hangs up before any answer: the server commits, the client never knows.
    private static void sendAndHangUp(String path, String json, String key) throws IOException {
        try (Socket socket = new Socket("localhost", app.client().port())) {
            send(socket, path, json, key);
        }
    }

    private static String sendRaw(String path, String json, String key) throws IOException {
        try (Socket socket = new Socket("localhost", app.client().port())) {
            socket.setSoTimeout(15_000);
            send(socket, path, json, key);
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static void send(Socket socket, String path, String json, String key) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + KEY + ": " + key + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }
}
