package school.evidence.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import school.evidence.kernel.Rejection;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every error as {@code application/problem+json} (RFC 9457). Validation problems carry {@code errors}: a list of
 * {@code {field, message}} so a client can point at what to correct.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    public record FieldProblem(String field, String message) {
    }

    public static ProblemDetail problem(HttpStatus status, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    @ExceptionHandler(Rejection.class)
    ResponseEntity<ProblemDetail> rejected(Rejection e) {
        HttpStatus status = switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        return respond(problem(status, e.getMessage(), List.of(new FieldProblem(e.field(), e.getMessage()))));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e) {
        return respond(problem(HttpStatus.NOT_FOUND, "Nothing is recorded under id " + e.getAggregateIdentifier(),
                               List.of()));
    }

    /** An id of another kind of record (a school's URN sent where a challenge id belongs). */
    @ExceptionHandler(org.axonframework.eventsourcing.IncompatibleAggregateException.class)
    ResponseEntity<ProblemDetail> wrongKind(org.axonframework.eventsourcing.IncompatibleAggregateException e) {
        return respond(problem(HttpStatus.NOT_FOUND, "Nothing of that kind is recorded under that id", List.of()));
    }

    @ExceptionHandler({ConflictingAggregateVersionException.class})
    ResponseEntity<ProblemDetail> staleVersion(ConflictingAggregateVersionException e) {
        return respond(problem(HttpStatus.CONFLICT,
                               "It changed since you read it (expected version " + e.getExpectedVersion()
                                       + ", now " + e.getActualVersion() + "); reload and try again",
                               List.of(new FieldProblem("If-Match", "stale version"))));
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ProblemDetail> alreadyExists(AggregateStreamCreationException e) {
        return respond(problem(HttpStatus.CONFLICT, "It is already registered", List.of()));
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrent(Exception e) {
        return respond(problem(HttpStatus.CONFLICT,
                               "Someone else changed or created it at the same moment; reload and try again",
                               List.of()));
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException e,
                                                jakarta.servlet.http.HttpServletRequest request) throws Exception {
        Throwable cause = e.getCause();
        if (cause instanceof Rejection r) {
            return rejected(r);
        }
        if (cause instanceof AggregateNotFoundException nf) {
            return notFound(nf);
        }
        if (cause instanceof ConflictingAggregateVersionException cv) {
            return staleVersion(cv);
        }
        if (cause instanceof AggregateStreamCreationException ae) {
            return alreadyExists(ae);
        }
        if (cause instanceof ConcurrencyException ce) {
            return concurrent(ce);
        }
        if (cause instanceof org.axonframework.eventsourcing.IncompatibleAggregateException ia) {
            return wrongKind(ia);
        }
        return unexpected(e, request);
    }

    /** The database unreachable: 503 (see StoreOutages); anything else unexpected stays a 500. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, jakarta.servlet.http.HttpServletRequest request)
            throws Exception {
        if (!StoreOutages.unreachable(e)) {
            throw e;
        }
        log.warn("The database cannot be reached: {}", e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                             .header(HttpHeaders.RETRY_AFTER, StoreOutages.RETRY_AFTER_SECONDS)
                             .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                             .body(problem(HttpStatus.SERVICE_UNAVAILABLE, StoreOutages.detail(request.getMethod()),
                                           List.of()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return respond(problem(HttpStatus.FORBIDDEN, "You may not do this here: your role, or your schools and trusts, do not allow it", List.of()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
        String message = "'" + e.getValue() + "' is not a valid value";
        return respond(problem(HttpStatus.BAD_REQUEST, e.getName() + ": " + message,
                               List.of(new FieldProblem(e.getName(), message))));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                                      .map(f -> new FieldProblem(f.getField(), messageOf(f)))
                                      .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return asObject(respond(problem(HttpStatus.BAD_REQUEST, detail, errors)));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldProblem> errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                               .map(err -> new FieldProblem(r.getMethodParameter().getParameterName(),
                                                            err.getDefaultMessage())))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return asObject(respond(problem(HttpStatus.BAD_REQUEST, detail, errors)));
    }

    /** A required query parameter left out is named like any other field at fault. */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            org.springframework.web.bind.MissingServletRequestParameterException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String message = "is required";
        return asObject(respond(problem(HttpStatus.BAD_REQUEST, ex.getParameterName() + ": " + message,
                                        List.of(new FieldProblem(ex.getParameterName(), message)))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        String field = "body";
        String message = "The request body is not valid JSON for this request";
        if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                           .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                           .collect(Collectors.joining(".")).replace(".[", "[");
            message = mapping.getOriginalMessage();
            if (mapping instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                    && invalid.getTargetType().isEnum()) {
                message = "'" + invalid.getValue() + "' is not one of " + java.util.Arrays.toString(
                        invalid.getTargetType().getEnumConstants());
            }
            String plain = plainWords(mapping);
            message = plain != null ? plain : message;
            int cut = message.indexOf(" (class ");
            message = cut > 0 ? message.substring(0, cut) : message;
            int sourceCut = message.indexOf("\n at [Source");
            message = sourceCut > 0 ? message.substring(0, sourceCut) : message;
        }
        return asObject(respond(problem(HttpStatus.BAD_REQUEST, field + ": " + message,
                                        List.of(new FieldProblem(field, message)))));
    }

    /** What was expected, in words, for a value of the wrong kind (Jackson's own text names its internals). */
    private static String plainWords(JsonMappingException mapping) {
        if (!(mapping instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch)
                || mismatch.getTargetType() == null || mismatch.getTargetType().isEnum()
                || mapping.getOriginalMessage().contains("items; at most")) {
            return null;
        }
        Class<?> type = mismatch.getTargetType();
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "must be a whole number, written without quotes or a decimal point";
        }
        if (type == java.time.LocalDate.class) {
            return "must be a date written yyyy-MM-dd, without a time";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false, without quotes";
        }
        if (type == String.class) {
            return "must be text, in quotes";
        }
        if (type == java.math.BigDecimal.class || type == double.class || type == Double.class) {
            return "must be a number, written without quotes";
        }
        return null;
    }

    private static String messageOf(FieldError f) {
        return f.getDefaultMessage() == null ? "is invalid" : f.getDefaultMessage();
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                             .body(problem);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> response) {
        return (ResponseEntity) response;
    }

    /** For refusals raised before a controller runs (security filters). */
    static void writeForbidden(HttpServletRequest request, HttpServletResponse response,
                               AccessDeniedException e) throws IOException {
        write(response, HttpStatus.FORBIDDEN, "You may not do this here: your role, or your schools and trusts, do not allow it");
        log.debug("Forbidden {} {}", request.getMethod(), request.getRequestURI());
    }

    /**
     * 401 with the sign-in schemes this service accepts: {@code Bearer} (RFC 6750, with {@code invalid_token} when a
     * token was refused) when an identity provider is configured, {@code Basic} in demo mode.
     */
    static org.springframework.security.web.AuthenticationEntryPoint unauthorized(boolean bearer, boolean basic) {
        return (request, response, e) -> {
            if (bearer) {
                response.addHeader(HttpHeaders.WWW_AUTHENTICATE, e instanceof OAuth2AuthenticationException
                        ? "Bearer realm=\"evidence-ledger\", error=\"invalid_token\"" : "Bearer realm=\"evidence-ledger\"");
            }
            if (basic) {
                response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"evidence-ledger\"");
            }
            write(response, HttpStatus.UNAUTHORIZED, "Sign in to use this service");
        };
    }

    static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase()
                                           + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}");
    }

}
