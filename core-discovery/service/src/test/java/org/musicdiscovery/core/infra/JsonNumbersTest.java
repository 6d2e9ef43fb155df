package org.musicdiscovery.core.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonNumbersTest {

    private static ObjectMapper customized() {
        ObjectMapper mapper = new ObjectMapper();
        new JsonNumbers().customize(mapper);
        return mapper;
    }

    @Test
    void theMapperReadsDecimalsWithTheFastParser() {
        assertTrue(customized().isEnabled(StreamReadFeature.USE_FAST_DOUBLE_PARSER));
    }

    /** What vector-search sends: floats widened to double (16–17 digits), short decimals, and the extremes. */
    @Test
    void itReadsTheSameDoublesAsTheJdk() throws Exception {
        ObjectMapper mapper = customized();
        Random random = new Random(7);
        StringBuilder json = new StringBuilder("[0.30000001192092896,0.3499999940395355,0.942954,91.5,4.9E-324,"
                + "1.7976931348623157E308,2.2250738585072014E-308,-0.0,1e23,8.41e21");
        for (int i = 0; i < 20_000; i++) {
            double d = i % 2 == 0 ? random.nextFloat() : Double.longBitsToDouble(random.nextLong() >>> 2);
            json.append(',').append(d);
        }
        String text = json.append(']').toString();
        double[] read = mapper.readValue(text, double[].class);
        String[] written = text.substring(1, text.length() - 1).split(",");
        assertEquals(written.length, read.length);
        for (int i = 0; i < read.length; i++) {
            long expected = Double.doubleToRawLongBits(Double.parseDouble(written[i]));
            assertEquals(expected, Double.doubleToRawLongBits(read[i]), written[i]);
        }
    }
}
