package dev.multidb.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewMigrationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @TempDir
    Path folder;

    @Test
    void theNextVersionIsTheHighestPlusOneWithAOneLineHeader() throws IOException {
        Files.writeString(folder.resolve("V1__create_customer.sql"), "");
        Files.writeString(folder.resolve("V7__add_index.sql"), "");
        Files.writeString(folder.resolve("R__views.sql"), "");

        Path file = NewMigration.create(folder, "add_phone", TODAY);

        assertThat(file).isEqualTo(folder.resolve("V8__add_phone.sql"));
        assertThat(Files.readString(file)).isEqualTo("-- add_phone (V8, written 2026-12-02): applied once, in"
                + " version order; never edit it after it reached a shared database.\n");
    }

    @Test
    void aDottedVersionCountsByItsWholeNumber() throws IOException {
        Files.writeString(folder.resolve("V2_1__split.sql"), "");
        Files.writeString(folder.resolve("V2.2__again.sql"), "");

        assertThat(NewMigration.create(folder, "next", TODAY)).hasFileName("V3__next.sql");
    }

    @Test
    void anEmptyOrMissingFolderStartsAtVersionOne() throws IOException {
        assertThat(NewMigration.create(folder.resolve("migration"), "create_item", TODAY))
                .isEqualTo(folder.resolve("migration/V1__create_item.sql"));
    }

    @Test
    void aNameOutsideLowerCaseLettersDigitsAndUnderscoresIsRefusedAndNothingIsWritten() throws IOException {
        assertThatThrownBy(() -> NewMigration.create(folder, "Add-Phone", TODAY))
                .hasMessage("codegen: migration name 'Add-Phone' may hold only lower-case letters, digits and _"
                        + " ([a-z0-9_]+), e.g. -Dname=add_phone.");
        try (var files = Files.list(folder)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aMissingNameIsRefusedSayingHowToGiveOne() {
        assertThatThrownBy(() -> NewMigration.create(folder, null, TODAY))
                .hasMessage("codegen: new-migration needs a name: add -Dname=<what_it_does>, e.g. -Dname=add_phone.");
    }
}
