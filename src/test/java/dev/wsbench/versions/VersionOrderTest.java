package dev.wsbench.versions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionOrderTest {
    private static List<String> sorted(String... versions) {
        List<String> v = new ArrayList<>(List.of(versions));
        v.sort(VersionOrder.INSTANCE);
        return v;
    }

    @Test
    void ordersTheRegistrysVersionsAsMavenDoes() {
        assertEquals(List.of("4.1.9.Final", "4.1.94.Final", "4.1.100.Final", "4.2.0.Alpha1", "4.2.0.Beta1", "4.2.0.RC1", "4.2.0.Final", "4.2.20.Final"),
                sorted("4.2.20.Final", "4.1.100.Final", "4.2.0.Final", "4.2.0.RC1", "4.1.94.Final", "4.2.0.Alpha1", "4.1.9.Final", "4.2.0.Beta1"));
        assertEquals(List.of("12.0.31", "12.1.0.alpha0", "12.1.0.beta3", "12.1.0", "12.1.14"), sorted("12.1.14", "12.1.0", "12.1.0.beta3", "12.0.31",
                "12.1.0.alpha0"));
        assertEquals(List.of("11.0.0-M26", "11.0.0", "11.0.27"), sorted("11.0.27", "11.0.0", "11.0.0-M26"));
        assertEquals(List.of("5.0.0-alpha.16", "5.0.0", "5.5.1"), sorted("5.5.1", "5.0.0", "5.0.0-alpha.16"));
        assertEquals(0, VersionOrder.INSTANCE.compare("12.1.0", "12.1.0.Final"), "a release qualifier is the release");
        assertTrue(VersionOrder.INSTANCE.compare("1.6.0", "1.5.7") > 0);
    }

    @Test
    void preReleasesAreTheQualifiersBeforeARelease() {
        for (String v : List.of("4.2.0.Alpha1", "4.2.0.Beta1", "4.2.0.RC1", "5.0.0.CR1", "11.0.0-M26", "5.0.0-alpha.16", "12.1.0.beta3",
                "4.2.21-SNAPSHOT")) {
            assertTrue(VersionOrder.isPreRelease(v), v);
        }
        for (String v : List.of("4.1.94.Final", "12.1.14", "2.3.27.Final", "1.6.0", "11.0.27", "5.0.7", "4.12.0")) {
            assertFalse(VersionOrder.isPreRelease(v), v);
        }
    }
}
