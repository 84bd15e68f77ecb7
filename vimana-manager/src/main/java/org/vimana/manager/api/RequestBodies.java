package org.vimana.manager.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.javalin.http.Context;

/** Reads request bodies strictly and says precisely what is wrong with a bad one. */
final class RequestBodies {
  private static final int MAX_BODY = 1 << 20;
  private final ObjectMapper json;

  RequestBodies(ObjectMapper json) {
    this.json = json;
  }

  <T> T read(Context ctx, Class<T> type) {
    String body = ctx.body();
    if (body.isBlank()) {
      throw ApiError.invalid("request body is empty; expected a JSON object");
    }
    if (body.length() > MAX_BODY) {
      throw ApiError.invalid("request body is over " + MAX_BODY + " bytes");
    }
    try {
      T value = json.readValue(body, type);
      if (value == null) {
        throw ApiError.invalid("request body is null; expected a JSON object");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw ApiError.invalid(
          "unknown field \""
              + e.getPropertyName()
              + "\"; known fields: "
              + e.getKnownPropertyIds());
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw ApiError.invalid(cause.getMessage());
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw ApiError.invalid("malformed JSON" + where + ": " + e.getOriginalMessage());
    }
  }
}
