package dev.multidb.app.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.multidb.app.config.ConfigLoader;
import dev.multidb.app.config.ConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogFormatTest {

    @Test
    void textIsTheDefault() {
        assertThat(LogFormat.of(Map.of())).isEqualTo(LogFormat.TEXT);
    }

    @Test
    void jsonIsChosenByName() {
        assertThat(LogFormat.of(Map.of("LOG_FORMAT", "json"))).isEqualTo(LogFormat.JSON);
    }

    @Test
    void unknownFormatStopsTheConfigurationWithOneLine() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("LOG_FORMAT", "xml")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("LOG_FORMAT is 'xml', not a log format; set it to text or json");
    }
}
