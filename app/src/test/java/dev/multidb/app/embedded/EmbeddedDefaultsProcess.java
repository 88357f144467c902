package dev.multidb.app.embedded;

import dev.multidb.app.TestDatabases;
import dev.multidb.app.config.ConfigLoader;
import java.nio.file.Path;
import java.util.List;

/** A separate process that starts database1's embedded default in {@code args[0]} and waits to be killed. */
public final class EmbeddedDefaultsProcess {

    private EmbeddedDefaultsProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedDefaults.start(List.of(TestDatabases.SAMPLE_ON_POSTGRES),
                ConfigLoader.load(TestDatabases.env(Path.of(args[0]))));
        System.out.println("started");
        System.out.flush();
        Thread.currentThread().join();
    }
}
