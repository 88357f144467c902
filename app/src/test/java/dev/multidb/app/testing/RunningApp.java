package dev.multidb.app.testing;

import dev.multidb.app.registry.Database;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link TestApp} per test class, started empty before the first test and stopped after the last:
 * {@code @RegisterExtension static final RunningApp app = RunningApp.emptiedBeforeEachTest();}
 */
public final class RunningApp implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private final TestApp.Limits limits;
    private final boolean emptyBeforeEachTest;
    private TestApp app;

    private RunningApp(TestApp.Limits limits, boolean emptyBeforeEachTest) {
        this.limits = limits;
        this.emptyBeforeEachTest = emptyBeforeEachTest;
    }

    /** Both databases emptied before every test. */
    public static RunningApp emptiedBeforeEachTest() {
        return new RunningApp(TestApp.Limits.DEFAULT, true);
    }

    /** Both databases emptied before every test, with tighter bounds for timeout and bulkhead tests. */
    public static RunningApp emptiedBeforeEachTest(TestApp.Limits limits) {
        return new RunningApp(limits, true);
    }

    /** Data kept from test to test of the class. */
    public static RunningApp shared() {
        return new RunningApp(TestApp.Limits.DEFAULT, false);
    }

    /** Data kept from test to test, with tighter bounds for timeout and bulkhead tests. */
    public static RunningApp shared(TestApp.Limits limits) {
        return new RunningApp(limits, false);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        app = TestApp.start(limits);
        app.truncate();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (emptyBeforeEachTest) {
            app.truncate();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        app.close();
    }

    public Client client() {
        return app.client();
    }

    public RestartablePostgres postgres() {
        return app.postgres();
    }

    public Database database1() {
        return app.database1();
    }

    public Database database2() {
        return app.database2();
    }

    public PrometheusMeterRegistry meters() {
        return app.meters();
    }

    public List<String> routes() {
        return app.routes();
    }

    public void truncate() {
        app.truncate();
    }
}
