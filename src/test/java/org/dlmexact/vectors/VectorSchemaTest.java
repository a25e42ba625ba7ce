package org.dlmexact.vectors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every checked-in vector file, and a results file, validate against the shipped JSON Schemas. */
class VectorSchemaTest {

    private static final ObjectMapper PLAIN = new ObjectMapper();

    private static JsonSchema schema(String name) throws IOException {
        JsonNode s = PLAIN.readTree(Files.readString(VectorsTest.CHECKED_IN.resolve("schema").resolve(name)));
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(s);
    }

    @Test
    void vectorFilesMatchTheirSchemas() throws IOException {
        for (Kind k : Vectors.KINDS) {
            JsonNode doc = PLAIN.readTree(Files.readString(VectorsTest.CHECKED_IN.resolve(k.name() + ".json")));
            Set<ValidationMessage> errors = schema("vectors-" + k.name() + "@1.schema.json").validate(doc);
            assertTrue(errors.isEmpty(), k.name() + ".json: " + errors);
        }
    }

    @Test
    void schemasRejectABrokenFile() throws IOException {
        JsonNode doc = PLAIN.readTree(Files.readString(VectorsTest.CHECKED_IN.resolve("info.json")));
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc).put("schema", "dlm-exact/vectors-info@2");
        assertFalse(schema("vectors-info@1.schema.json").validate(doc).isEmpty());
    }

    @Test
    void resultsSchemaAcceptsTheDocumentedExample() throws IOException {
        JsonNode doc = PLAIN.readTree("{\"schema\":\"dlm-exact/results@1\",\"results\":[{\"file\":\"info.json\","
                + "\"tcId\":3,\"field\":\"entropy\",\"value\":0.6931471805599453},{\"file\":\"sampler.json\",\"tcId\":15,"
                + "\"field\":\"pathAveragedKL\",\"value\":\"+inf\"}]}");
        assertTrue(schema("results@1.schema.json").validate(doc).isEmpty());
    }
}
