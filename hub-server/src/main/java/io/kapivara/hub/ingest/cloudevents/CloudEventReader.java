package io.kapivara.hub.ingest.cloudevents;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.kapivara.hub.shared.InvalidRequestException;
import io.kapivara.hub.shared.web.StorableJson;

/**
 * Reads CloudEvents 1.0 envelopes from the JSON event format (structured and batch mode) and from
 * {@code ce-} headers (binary mode), and refuses each broken rule naming the attribute at fault.
 */
final class CloudEventReader {

    static final String SPEC_VERSION = "1.0";
    static final String DATA_ENCODING = "data_encoding";

    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[a-z0-9]+");
    private static final String HEADER_PREFIX = "ce-";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final StorableJson json;

    CloudEventReader(StorableJson json) {
        this.json = json;
    }

    /** An event in the JSON event format; {@code at} prefixes field names, as in {@code [2].}. */
    CloudEvent structured(JsonNode node, String at) {
        if (!node.isObject()) {
            throw new InvalidRequestException(at.isEmpty() ? "body" : at.substring(0, at.length() - 1),
                    node.getNodeType(), "A CloudEvent in the JSON format is a JSON object");
        }
        if (present(node.get("data")) && present(node.get("data_base64"))) {
            throw new InvalidRequestException(at + "data_base64", null,
                    "A CloudEvent carries data or data_base64, not both");
        }
        ObjectNode attributes = NODES.objectNode();
        JsonNode data = NODES.nullNode();
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            switch (member.getKey()) {
                case "data" -> data = member.getValue();
                case "data_base64" -> data = base64(at + "data_base64", member.getValue(), attributes);
                default -> attribute(at, member.getKey(), member.getValue(), attributes);
            }
        }
        return envelope(at, attributes, data);
    }

    /** An event in binary mode: attributes in {@code ce-} headers, the data in the body. */
    CloudEvent binary(HttpHeaders headers, byte[] body) {
        ObjectNode attributes = NODES.objectNode();
        for (Map.Entry<String, List<String>> header : headers.headerSet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith(HEADER_PREFIX) && !header.getValue().isEmpty()) {
                String attribute = name.substring(HEADER_PREFIX.length());
                checkAttributeName("", attribute);
                attributes.put(attribute, percentDecoded(attribute, header.getValue().getFirst()));
            }
        }
        // In binary mode the data's media type is the message's own Content-Type.
        attributes.remove("datacontenttype");
        MediaType contentType = contentType(headers.getFirst(HttpHeaders.CONTENT_TYPE));
        if (contentType != null) {
            attributes.put("datacontenttype", headers.getFirst(HttpHeaders.CONTENT_TYPE));
        }
        return envelope("", attributes, bodyData(contentType, body, attributes));
    }

    private CloudEvent envelope(String at, ObjectNode attributes, JsonNode data) {
        String specVersion = required(at, attributes, "specversion");
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new InvalidRequestException(at + "specversion", specVersion,
                    "This hub reads CloudEvents of specversion " + SPEC_VERSION);
        }
        String id = required(at, attributes, "id");
        String source = uriReference(at + "source", required(at, attributes, "source"));
        String type = required(at, attributes, "type");
        String subject = optional(at, attributes, "subject");
        checkTime(at, optional(at, attributes, "time"));
        String schema = optional(at, attributes, "dataschema");
        if (schema != null) {
            uriReference(at + "dataschema", schema);
        }
        String dataContentType = optional(at, attributes, "datacontenttype");
        if (dataContentType != null) {
            mediaType(at + "datacontenttype", dataContentType);
        }
        String partitionKey = optional(at, attributes, "partitionkey");
        attributes.remove("type");
        return new CloudEvent(id, source, type, subject, partitionKey, attributes, data, at);
    }

    private static void attribute(String at, String name, JsonNode value, ObjectNode attributes) {
        checkAttributeName(at, name);
        if (value.isNull()) {
            return;
        }
        if (!value.isString() && !value.isBoolean() && !value.isIntegralNumber()) {
            throw new InvalidRequestException(at + name, value.toString(),
                    "A CloudEvents attribute is a string, a whole number or a boolean");
        }
        if (value.isIntegralNumber() && !value.canConvertToInt()) {
            throw new InvalidRequestException(at + name, value.toString(),
                    "A CloudEvents whole number attribute is from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
        }
        attributes.set(name, value);
    }

    private static void checkAttributeName(String at, String name) {
        if (!ATTRIBUTE_NAME.matcher(name).matches()) {
            throw new InvalidRequestException(at + name, name,
                    "A CloudEvents attribute name is lower-case ASCII letters and digits");
        }
    }

    private static String required(String at, ObjectNode attributes, String name) {
        String value = optional(at, attributes, name);
        if (value == null) {
            throw new InvalidRequestException(at + name, null,
                    "A CloudEvent has the attribute %s (header ce-%s in binary mode)".formatted(name, name));
        }
        return value;
    }

    private static @Nullable String optional(String at, ObjectNode attributes, String name) {
        JsonNode value = attributes.get(name);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            throw new InvalidRequestException(at + name, value.toString(), "The attribute " + name + " is a string");
        }
        if (value.asString().isEmpty()) {
            throw new InvalidRequestException(at + name, "", "The attribute " + name + " is not empty");
        }
        return value.asString();
    }

    private static String uriReference(String field, String value) {
        try {
            new URI(value);
            return value;
        } catch (URISyntaxException e) {
            throw new InvalidRequestException(field, value, "This attribute is a URI reference (RFC 3986)");
        }
    }

    private static void checkTime(String at, @Nullable String time) {
        if (time == null) {
            return;
        }
        try {
            OffsetDateTime.parse(time, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(at + "time", time, "The attribute time is an RFC 3339 timestamp");
        }
    }

    private static MediaType mediaType(String field, String value) {
        try {
            return MediaType.parseMediaType(value);
        } catch (InvalidMediaTypeException e) {
            throw new InvalidRequestException(field, value, "This is a media type (RFC 2046)");
        }
    }

    private static @Nullable MediaType contentType(@Nullable String header) {
        return header == null ? null : mediaType(HttpHeaders.CONTENT_TYPE, header);
    }

    private static String percentDecoded(String attribute, String value) {
        try {
            return UriUtils.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(attribute, value, "A ce- header value is percent-encoded UTF-8");
        }
    }

    private static JsonNode base64(String field, JsonNode value, ObjectNode attributes) {
        if (value.isNull()) {
            return value;
        }
        if (!value.isString()) {
            throw new InvalidRequestException(field, value.toString(), "data_base64 is a base64 string");
        }
        try {
            Base64.getDecoder().decode(value.asString());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, abbreviated(value.asString()), "data_base64 is a base64 string");
        }
        attributes.put(DATA_ENCODING, "base64");
        return NODES.objectNode().put("base64", value.asString());
    }

    private JsonNode bodyData(@Nullable MediaType contentType, byte[] body, ObjectNode attributes) {
        if (body.length == 0) {
            return NODES.nullNode();
        }
        if (contentType != null && isJson(contentType)) {
            return json.read(new ByteArrayInputStream(body));
        }
        if (contentType != null && "text".equals(contentType.getType())) {
            return NODES.stringNode(text(body, charsetOf(contentType)));
        }
        attributes.put(DATA_ENCODING, "base64");
        return NODES.objectNode().put("base64", Base64.getEncoder().encodeToString(body));
    }

    /** The body decoded strictly: bytes that are not valid in the charset are refused, not replaced. */
    private static String text(byte[] body, Charset charset) {
        ByteBuffer bytes = ByteBuffer.wrap(body);
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
        } catch (CharacterCodingException e) {
            // The decoder stops at the first byte it cannot read.
            int at = bytes.position();
            String where = at < body.length ? "byte %d (0x%02X)".formatted(at, body[at] & 0xFF) : "the end";
            throw new InvalidRequestException("data", where,
                    "A text body is valid %s (the charset of its Content-Type, UTF-8 when it names none)"
                            .formatted(charset.name()));
        }
    }

    private static boolean isJson(MediaType type) {
        return MediaType.APPLICATION_JSON.isCompatibleWith(type) || type.getSubtype().endsWith("+json");
    }

    private static Charset charsetOf(MediaType type) {
        try {
            Charset charset = type.getCharset();
            return charset == null ? StandardCharsets.UTF_8 : charset;
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(HttpHeaders.CONTENT_TYPE, type.toString(),
                    "A text body names a charset this server knows");
        }
    }

    private static boolean present(@Nullable JsonNode node) {
        return node != null && !node.isNull();
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
