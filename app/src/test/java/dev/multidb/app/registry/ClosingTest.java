package dev.multidb.app.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClosingTest {

    @Test
    void everyResourceIsClosedAndEveryFailureKept() {
        List<String> closed = new ArrayList<>();
        IllegalStateException first = new IllegalStateException("server did not stop");
        IllegalStateException second = new IllegalStateException("pool did not close");

        assertThatThrownBy(() -> Closing.all("multidb", List.<AutoCloseable>of(
                () -> { closed.add("server"); throw first; },
                () -> { closed.add("pool"); throw second; },
                () -> closed.add("embedded database"))))
                .isSameAs(first)
                .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(second));
        assertThat(closed).containsExactly("server", "pool", "embedded database");
    }
}
