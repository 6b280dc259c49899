// One HTTP GET through libcurl, loaded with dlopen on the first call rather than linked:
// linking libcurl (as Foundation's URLSession does on Linux) loads it and its ~30
// libraries (TLS, Kerberos, LDAP, …) into every `plan` command at start, about 5–8 ms
// each time, though only `plan calibrate --prometheus` sends a request. The environment
// variable PLAN_LIBCURL names another library to load (a path, or a name dlopen finds).
#ifndef CURL_LOADER_H
#define CURL_LOADER_H

#include <stddef.h>

/// How a GET ended.
typedef enum {
    /// An answer came (any HTTP status): `status` and the body are set.
    PLAN_HTTP_ANSWERED = 0,
    /// libcurl could not be loaded (`message` names the library tried).
    PLAN_HTTP_NO_LIBRARY = 1,
    /// The host refused the connection (ECONNREFUSED; other failures to connect are FAILED,
    /// with libcurl's reason).
    PLAN_HTTP_REFUSED = 2,
    /// No whole answer within the timeout.
    PLAN_HTTP_TIMED_OUT = 3,
    /// The answer passed `maximum` bytes (announced or received): the transfer was stopped.
    PLAN_HTTP_TOO_LARGE = 4,
    /// Any other failure: `message` says what libcurl said.
    PLAN_HTTP_FAILED = 5,
} plan_http_outcome;

/// An answer's body: `count` bytes at `bytes` (malloc'ed; free with `plan_http_free`).
typedef struct {
    unsigned char *bytes;
    size_t count;
} plan_http_body;

/// GETs `url` (http or https, redirects followed within those two) with the header
/// `Accept: <accept>` and every encoding libcurl decodes accepted, within `timeout_ms` for the whole transfer, reading at most
/// `maximum` bytes of (decoded) body. Thread-safe; blocks until done. `message` (of
/// `message_size` bytes) receives a one-line reason for the outcomes other than ANSWERED.
plan_http_outcome plan_http_get(
    const char *url, const char *accept, long timeout_ms, size_t maximum, long *status, plan_http_body *body, char *message,
    size_t message_size);

/// Frees a body `plan_http_get` filled (nothing when empty).
void plan_http_free(plan_http_body *body);

#endif
