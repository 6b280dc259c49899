// libcurl's easy interface through dlopen/dlsym (see curl_loader.h for why). The few
// declarations below are libcurl's stable ABI (curl/curl.h, unchanged since 7.x), typed
// here so that building `plan` does not need libcurl's headers.
#include "curl_loader.h"

#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef void CURL;
struct curl_slist;
typedef int CURLcode;
typedef long long curl_off_t;

// curl/curl.h: CURLOPTTYPE_LONG 0, OBJECTPOINT 10000, FUNCTIONPOINT 20000, OFF_T 30000.
enum {
    OPT_WRITEDATA = 10001,
    OPT_URL = 10002,
    OPT_ERRORBUFFER = 10010,
    OPT_WRITEFUNCTION = 20011,
    OPT_USERAGENT = 10018,
    OPT_HTTPHEADER = 10023,
    OPT_FOLLOWLOCATION = 52,
    OPT_MAXREDIRS = 68,
    OPT_HTTPGET = 80,
    OPT_NOSIGNAL = 99,
    OPT_MAXFILESIZE_LARGE = 30117,
    OPT_TIMEOUT_MS = 155,
    OPT_ACCEPT_ENCODING = 10102,
    OPT_PROTOCOLS_STR = 10318,
    OPT_REDIR_PROTOCOLS_STR = 10319,
    // Deprecated since 7.85 for the _STR forms, tried when those are unknown (older libcurl).
    OPT_PROTOCOLS = 181,
    OPT_REDIR_PROTOCOLS = 182,
};
enum { PROTO_HTTP = 1, PROTO_HTTPS = 2 };
enum { INFO_RESPONSE_CODE = 0x200000 + 2, INFO_OS_ERRNO = 0x200000 + 25 };
enum { GLOBAL_DEFAULT = 3 };
enum { ERROR_SIZE = 256 };  // CURL_ERROR_SIZE
enum {
    E_OK = 0,
    E_COULDNT_CONNECT = 7,
    E_WRITE_ERROR = 23,
    E_OPERATION_TIMEDOUT = 28,
    E_FILESIZE_EXCEEDED = 63,
};

static struct {
    CURLcode (*global_init)(long);
    CURL *(*easy_init)(void);
    CURLcode (*easy_setopt)(CURL *, int, ...);
    CURLcode (*easy_perform)(CURL *);
    CURLcode (*easy_getinfo)(CURL *, int, ...);
    void (*easy_cleanup)(CURL *);
    const char *(*easy_strerror)(CURLcode);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
    int loaded;
    char why[1024];
} curl;

static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void) {
#if defined(__APPLE__)
    static const char *names[] = {"libcurl.4.dylib", "libcurl.dylib", NULL};
    static const char *tried = "libcurl.4.dylib, libcurl.dylib";
#else
    // Debian's libcurl4 (OpenSSL), then libcurl3-gnutls, then a development symlink.
    static const char *names[] = {"libcurl.so.4", "libcurl-gnutls.so.4", "libcurl.so", NULL};
    static const char *tried = "libcurl.so.4, libcurl-gnutls.so.4, libcurl.so";
#endif
    // PLAN_LIBCURL names another library to load instead (a path, or a name dlopen finds).
    const char *chosen = getenv("PLAN_LIBCURL");
    void *library = NULL;
    char first[512] = "";
    if (chosen && *chosen) {
        library = dlopen(chosen, RTLD_NOW | RTLD_LOCAL);
        tried = chosen;
        if (!library) snprintf(first, sizeof first, "%s", dlerror());
    } else {
        for (int i = 0; names[i] && !library; i++) {
            library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
            // The first library's reason: the one a broken install most likely has.
            const char *why = library ? NULL : dlerror();
            if (why && !first[0]) snprintf(first, sizeof first, "%s", why);
        }
    }
    if (!library) {
        snprintf(
            curl.why, sizeof curl.why, "cannot load libcurl (tried %s: %s); install libcurl4 (Debian, Ubuntu) or your system's libcurl",
            tried, first);
        return;
    }
#define SYMBOL(field, name)                                                                    \
    *(void **)(&curl.field) = dlsym(library, name);                                            \
    if (!curl.field) {                                                                         \
        snprintf(curl.why, sizeof curl.why, "the libcurl found has no %s: it is too old", name); \
        return;                                                                                \
    }
    SYMBOL(global_init, "curl_global_init")
    SYMBOL(easy_init, "curl_easy_init")
    SYMBOL(easy_setopt, "curl_easy_setopt")
    SYMBOL(easy_perform, "curl_easy_perform")
    SYMBOL(easy_getinfo, "curl_easy_getinfo")
    SYMBOL(easy_cleanup, "curl_easy_cleanup")
    SYMBOL(easy_strerror, "curl_easy_strerror")
    SYMBOL(slist_append, "curl_slist_append")
    SYMBOL(slist_free_all, "curl_slist_free_all")
#undef SYMBOL
    // Once per process, before any other call (it is not thread-safe in older versions).
    if (curl.global_init(GLOBAL_DEFAULT) != E_OK) {
        snprintf(curl.why, sizeof curl.why, "libcurl failed to initialise");
        return;
    }
    curl.loaded = 1;
}

/// The body as it arrives, cut off past `maximum`.
typedef struct {
    plan_http_body *body;
    size_t capacity;
    size_t maximum;
    int over;
    int out_of_memory;
} sink;

static size_t receive(char *data, size_t size, size_t count, void *context) {
    sink *s = context;
    size_t n = size * count;
    if (s->body->count + n > s->maximum) {
        s->over = 1;
        return 0;  // any other count than n stops the transfer (CURLE_WRITE_ERROR)
    }
    if (s->body->count + n > s->capacity) {
        size_t capacity = s->capacity ? s->capacity : 65536;
        while (capacity < s->body->count + n) capacity *= 2;
        unsigned char *grown = realloc(s->body->bytes, capacity);
        if (!grown) {
            s->out_of_memory = 1;
            return 0;
        }
        s->body->bytes = grown;
        s->capacity = capacity;
    }
    memcpy(s->body->bytes + s->body->count, data, n);
    s->body->count += n;
    return n;
}

plan_http_outcome plan_http_get(
    const char *url, const char *accept, long timeout_ms, size_t maximum, long *status, plan_http_body *body, char *message,
    size_t message_size) {
    body->bytes = NULL;
    body->count = 0;
    *status = 0;
    pthread_once(&once, load);
    if (!curl.loaded) {
        snprintf(message, message_size, "%s", curl.why);
        return PLAN_HTTP_NO_LIBRARY;
    }
    CURL *handle = curl.easy_init();
    if (!handle) {
        snprintf(message, message_size, "libcurl could not start a request");
        return PLAN_HTTP_FAILED;
    }
    char header[512];
    snprintf(header, sizeof header, "Accept: %s", accept);
    struct curl_slist *headers = curl.slist_append(NULL, header);
    char error[ERROR_SIZE] = "";
    sink s = {body, 0, maximum, 0, 0};
    curl.easy_setopt(handle, OPT_URL, url);
    curl.easy_setopt(handle, OPT_HTTPGET, 1L);
    curl.easy_setopt(handle, OPT_HTTPHEADER, headers);
    curl.easy_setopt(handle, OPT_USERAGENT, "plan");
    // Every encoding this libcurl decodes (gzip at least): Prometheus compresses its answers
    // when asked. The cap below counts the decoded bytes.
    curl.easy_setopt(handle, OPT_ACCEPT_ENCODING, "");
    // http and https only, for the address and for every redirect (libcurl's own default
    // for redirects adds ftp and ftps).
    int limited = curl.easy_setopt(handle, OPT_PROTOCOLS_STR, "http,https") == E_OK &&
                  curl.easy_setopt(handle, OPT_REDIR_PROTOCOLS_STR, "http,https") == E_OK;
    if (!limited) {
        limited = curl.easy_setopt(handle, OPT_PROTOCOLS, (long)(PROTO_HTTP | PROTO_HTTPS)) == E_OK &&
                  curl.easy_setopt(handle, OPT_REDIR_PROTOCOLS, (long)(PROTO_HTTP | PROTO_HTTPS)) == E_OK;
    }
    curl.easy_setopt(handle, OPT_FOLLOWLOCATION, 1L);
    curl.easy_setopt(handle, OPT_MAXREDIRS, 10L);
    // At least 1 ms: 0 would mean no limit at all.
    curl.easy_setopt(handle, OPT_TIMEOUT_MS, timeout_ms > 0 ? timeout_ms : 1L);
    // No signals: the timeout must not use SIGALRM in a threaded process.
    curl.easy_setopt(handle, OPT_NOSIGNAL, 1L);
    // Refused before the body when the Content-Length says so.
    curl.easy_setopt(handle, OPT_MAXFILESIZE_LARGE, (curl_off_t)maximum);
    curl.easy_setopt(handle, OPT_WRITEFUNCTION, receive);
    curl.easy_setopt(handle, OPT_WRITEDATA, &s);
    curl.easy_setopt(handle, OPT_ERRORBUFFER, error);
    if (!limited) {
        curl.easy_cleanup(handle);
        curl.slist_free_all(headers);
        snprintf(message, message_size, "this libcurl cannot be limited to http and https");
        return PLAN_HTTP_FAILED;
    }
    CURLcode code = curl.easy_perform(handle);
    long os_errno = 0;
    curl.easy_getinfo(handle, INFO_RESPONSE_CODE, status);
    curl.easy_getinfo(handle, INFO_OS_ERRNO, &os_errno);
    curl.easy_cleanup(handle);
    curl.slist_free_all(headers);
    plan_http_outcome outcome;
    if (code == E_OK) {
        return PLAN_HTTP_ANSWERED;
    } else if (s.out_of_memory) {
        snprintf(message, message_size, "out of memory while reading the answer");
        plan_http_free(body);
        return PLAN_HTTP_FAILED;
    } else if (code == E_FILESIZE_EXCEEDED || (code == E_WRITE_ERROR && s.over)) {
        outcome = PLAN_HTTP_TOO_LARGE;
    } else if (code == E_COULDNT_CONNECT && os_errno == ECONNREFUSED) {
        outcome = PLAN_HTTP_REFUSED;
    } else if (code == E_OPERATION_TIMEDOUT) {
        outcome = PLAN_HTTP_TIMED_OUT;
    } else {
        outcome = PLAN_HTTP_FAILED;
    }
    snprintf(message, message_size, "%s", error[0] ? error : curl.easy_strerror(code));
    plan_http_free(body);
    return outcome;
}

void plan_http_free(plan_http_body *body) {
    free(body->bytes);
    body->bytes = NULL;
    body->count = 0;
}
