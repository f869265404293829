package io.fomo.flink.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fomo.spi.InvalidArgumentException;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class EpochCsvTest {

    @Test
    void headersCommentsAndBlankLinesAreSkipped() {
        assertNull(EpochCsv.parsePair(EpochCsv.PAIRS_HEADER));
        assertNull(EpochCsv.parsePair("deployment,user,spend,stake"));
        assertNull(EpochCsv.parsePair("# a comment"));
        assertNull(EpochCsv.parsePair("  "));
        assertNull(EpochCsv.parseDeployment(EpochCsv.DEPLOYMENTS_HEADER));
    }

    @Test
    void aPairReadsItsBaseUnitsAndAnOptionalGm() {
        PairRow p = EpochCsv.parsePair("m1,alice,1000000,123456789012345678901234567890,");
        assertEquals("m1", p.deployment);
        assertEquals("alice", p.user);
        assertEquals(BigInteger.valueOf(1_000_000), p.spend);
        assertEquals(new BigInteger("123456789012345678901234567890"), p.stake);
        assertEquals("0", p.gm);
        assertEquals("12.50", EpochCsv.parsePair("m1,bob,0,0,12.50").gm);
        assertEquals("0", EpochCsv.parsePair("m1,bob,0,0").gm);
    }

    @Test
    void malformedPairsNameTheLineAndTheColumn() {
        InvalidArgumentException neg = assertThrows(InvalidArgumentException.class,
                () -> EpochCsv.parsePair("m1,alice,-5,0"));
        assertTrue(neg.getMessage().contains("m1,alice,-5,0") && neg.getMessage().contains("spend"), neg.getMessage());
        InvalidArgumentException dec = assertThrows(InvalidArgumentException.class,
                () -> EpochCsv.parsePair("m1,alice,5,1.5"));
        assertTrue(dec.getMessage().contains("stake"), dec.getMessage());
        assertThrows(InvalidArgumentException.class, () -> EpochCsv.parsePair("m1,alice,5"));
        assertThrows(InvalidArgumentException.class, () -> EpochCsv.parsePair("m1,alice,5,0,0,extra"));
        assertThrows(InvalidArgumentException.class, () -> EpochCsv.parsePair("m1,alice,5,0,-1"));
        assertThrows(InvalidArgumentException.class, () -> EpochCsv.parsePair("m1,alice,5,0,x"));
        assertThrows(InvalidArgumentException.class, () -> EpochCsv.parsePair(",alice,5,0"));
    }

    @Test
    void aLongBadLineIsShownByItsPrefixOnly() {
        String id = "u".repeat(120);
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> EpochCsv.parsePair("m1," + id + ",x,0"));
        assertTrue(e.getMessage().contains("...") && !e.getMessage().contains(id), e.getMessage());
    }

    @Test
    void aDeploymentReadsItsFiveColumns() {
        DeploymentRow d = EpochCsv.parseDeployment("m1,4000000,30,1000,7");
        assertTrue(d.declared);
        assertEquals(BigInteger.valueOf(4_000_000), d.netRevenue);
        assertEquals(30, d.ageDays);
        assertEquals(BigInteger.valueOf(1000), d.flockIncentive);
        assertEquals(BigInteger.valueOf(7), d.mtIncentive);
        assertThrows(InvalidArgumentException.class, () -> EpochCsv.parseDeployment("m1,4000000,30,1000"));
        assertThrows(InvalidArgumentException.class,
                () -> EpochCsv.parseDeployment("m1,4000000,99999999999999999999,1000,7"));
    }
}
