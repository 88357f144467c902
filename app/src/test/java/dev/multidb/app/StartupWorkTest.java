package dev.multidb.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StartupWorkTest {

    @Test
    void eachDatabaseStepRunsSideBySideWithTheOthers() {
        // Each step waits until all have begun: done one after the other, the first would wait out its deadline.
        CountDownLatch allBegun = new CountDownLatch(3);
        ConcurrentLinkedQueue<String> metEveryOther = new ConcurrentLinkedQueue<>();

        StartupWork.eachConcurrently(List.of("database1", "database2", "database3"), name -> {
            allBegun.countDown();
            try {
                if (allBegun.await(30, TimeUnit.SECONDS)) {
                    metEveryOther.add(name);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        assertThat(metEveryOther).containsExactlyInAnyOrder("database1", "database2", "database3");
    }

    @Test
    void aFailedStepFailsStartUpOnceEveryStepHasFinished() {
        ConcurrentLinkedQueue<String> finished = new ConcurrentLinkedQueue<>();

        assertThatThrownBy(() -> StartupWork.eachConcurrently(List.of("database1", "database2"), name -> {
            if (name.equals("database1")) {
                throw new IllegalStateException("database1: cannot read the schema version");
            }
            finished.add(name);
        })).isInstanceOf(IllegalStateException.class).hasMessage("database1: cannot read the schema version");
        assertThat(finished).containsExactly("database2");
    }
}
