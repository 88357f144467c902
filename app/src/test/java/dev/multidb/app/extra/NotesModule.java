package dev.multidb.app.extra;

import dev.multidb.core.DatabaseDescriptor;
import dev.multidb.core.DatabaseModule;
import dev.multidb.core.Engine;

/**
 * A database module on plain H2, listed only in {@code src/test/extra-module}'s service file: only a process
 * given that folder on its class path finds it, so the other tests see the two real modules alone.
 */
public final class NotesModule implements DatabaseModule {

    @Override
    public DatabaseDescriptor descriptor() {
        return DatabaseDescriptor.conventional("testextra", Engine.H2, "1");
    }
}
