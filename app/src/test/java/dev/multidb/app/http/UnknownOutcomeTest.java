package dev.multidb.app.http;

import static dev.multidb.database1.jooq.Tables.CUSTOMER;
import static dev.multidb.app.testing.TestApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.multidb.app.testing.RunningApp;
import dev.multidb.app.testing.TestApp.Limits;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Retry-After only where nothing reached the database; a write cut off after it was sent has an unknown outcome. */
class UnknownOutcomeTest {

    private static final Limits ONE_SECOND = new Limits(4, Duration.ofSeconds(1), Duration.ofSeconds(1), 8);

    @RegisterExtension
    static final RunningApp app = RunningApp.shared(ONE_SECOND);

    @Test
    void writeCutOffAfterItWasSentSaysItsOutcomeIsUnknownAndHasNoRetryAfter() throws Exception {
        long customer = json(app.client().post("/customers", "{\"email\": \"ada@example.com\", \"name\": \"Ada\"}")
                .body()).get("id").asLong();
        HttpResponse<String> cutOff;
        try (Connection lock = DriverManager.getConnection(app.postgres().url(), app.postgres().user(), "")) {
            lock.setAutoCommit(false);
            DSL.using(lock, SQLDialect.POSTGRES).selectFrom(CUSTOMER).where(CUSTOMER.ID.eq(customer)).forUpdate().fetch();
            cutOff = app.client().patch("/customers/" + customer, "{\"name\": \"Ada L.\"}");
            lock.rollback();
        }

        assertThat(cutOff.statusCode()).isEqualTo(503);
        assertThat(cutOff.headers().firstValue("Retry-After")).isEmpty();
        assertThat(json(cutOff.body()).get("detail").asText()).isEqualTo("database1 did not answer in time;"
                + " the outcome is unknown: the change may have been committed, check before repeating it");
    }
}
