package dev.multidb.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the database modules on a class path: every {@link DatabaseModule} its service files list. */
public final class DatabaseModules {

    private DatabaseModules() {
    }

    /** The descriptors of the modules {@code loader} sees, ordered by name so that every run lists them alike. */
    public static List<DatabaseDescriptor> discover(ClassLoader loader) {
        List<DatabaseDescriptor> found = new ArrayList<>();
        for (DatabaseModule module : ServiceLoader.load(DatabaseModule.class, loader)) {
            DatabaseDescriptor descriptor = module.descriptor();
            if (found.stream().anyMatch(d -> d.name().equals(descriptor.name()))) {
                throw new IllegalStateException("two database modules are named " + descriptor.name()
                        + "; give each module its own name");
            }
            found.add(descriptor);
        }
        found.sort(Comparator.comparing(DatabaseDescriptor::name));
        return List.copyOf(found);
    }
}
