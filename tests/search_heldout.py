"""The held-out part of the search relevance suite: never used for tuning.

Written together with tests/search_suite.py, before any search change, and only ever
scored as a whole (the browser test prints its figures; it asserts nothing). Tuning the
index or the records against these cases would make the held-out score meaningless:
add new cases for a failure you want to fix to search_suite.py instead.
"""

from __future__ import annotations

AUTH = "compare/401-vs-403-vs-404/"
CLIENT_ERRORS = "compare/400-vs-409-vs-422/"
SERVER_ERRORS = "compare/500-vs-502-vs-503-vs-504/"
CLOUDFLARE = "compare/502-vs-504-vs-520-vs-521-vs-522-vs-523-vs-524/"
REDIRECTS = "compare/301-vs-302-vs-303-vs-307-vs-308/"
SUCCESS = "compare/200-vs-201-vs-202-vs-204-vs-303/"
PRECONDITIONS = "compare/412-vs-428-vs-409/"
TOO_LARGE = "compare/413-vs-414-vs-431/"
CORS = "cors/"

CASES: list[tuple[str, str, tuple[str, ...]]] = [
    ("symptom", "expired jwt token", ("401/",)),
    ("symptom", "bearer token invalid", ("401/",)),
    ("symptom", "missing authorization header", ("401/",)),
    ("symptom", "credentials rejected", ("401/",)),
    ("symptom", "user lacks permission", ("403/",)),
    ("symptom", "role not allowed", ("403/",)),
    ("symptom", "endpoint does not exist", ("404/",)),
    ("symptom", "broken link", ("404/",)),
    ("symptom", "page removed on purpose", ("410/",)),
    ("symptom", "put method not supported", ("405/",)),
    ("symptom", "payload too big", ("413/",)),
    ("symptom", "nginx client_max_body_size upload limit", ("413/",)),
    ("symptom", "get request uri too long", ("414/",)),
    ("symptom", "request header or cookie too large", ("494/", "431/", "400/")),
    ("symptom", "content type not supported", ("415/",)),
    ("symptom", "semantic validation error", ("422/",)),
    ("symptom", "json parse error", ("400/",)),
    ("symptom", "email already taken conflict", ("409/",)),
    ("symptom", "edit conflict", ("409/", "412/")),
    ("symptom", "throttled by api", ("429/",)),
    ("symptom", "too many requests per minute", ("429/",)),
    ("symptom", "service down for maintenance", ("503/",)),
    ("symptom", "backend timed out", ("504/",)),
    ("symptom", "invalid response from upstream server", ("502/",)),
    ("symptom", "crash on the server", ("500/",)),
    ("symptom", "not implemented yet", ("501/",)),
    ("symptom", "idle connection closed by server", ("408/",)),
    ("symptom", "airport wifi sign in page", ("511/",)),
    ("symptom", "out of disk space", ("507/",)),
    ("symptom", "bytes range not satisfiable", ("416/",)),
    ("action", "websocket handshake", ("101/",)),
    ("action", "send the body after 100 continue", ("100/",)),
    ("action", "early hints preload", ("103/",)),
    ("action", "long running job accepted", ("202/",)),
    ("action", "post created a resource", ("201/",)),
    ("action", "response without body", ("204/",)),
    ("action", "partial download resume", ("206/",)),
    ("action", "browser cache revalidation", ("304/",)),
    ("action", "moved to a new domain permanently", ("301/", "308/")),
    ("action", "redirect without changing the method", ("307/", "308/", "compare/307-vs-308/")),
    ("action", "post redirect get pattern", ("303/",)),
    ("action", "temporarily moved", ("302/", "307/")),
    ("action", "prevent lost updates", ("412/", "428/", PRECONDITIONS)),
    ("vendor", "nginx closed connection without response", ("444/",)),
    ("vendor", "client aborted request nginx", ("499/",)),
    ("vendor", "aws elb 460", ("460/",)),
    ("vendor", "alb 463 header too long", ("463/",)),
    ("vendor", "nginx 497", ("497/",)),
    ("vendor", "nginx 496 no certificate", ("496/",)),
    ("vendor", "cloudflare cannot reach origin", ("523/",)),
    ("vendor", "cloudflare origin server down", ("521/",)),
    ("vendor", "cloudflare origin took too long", ("524/",)),
    ("vendor", "cloudflare tls handshake error", ("525/",)),
    ("vendor", "cloudflare bad origin certificate", ("526/",)),
    ("vendor", "cloudflare empty response from origin", ("520/",)),
    ("comparison", "403 vs 404", (AUTH,)),
    ("comparison", "forbidden vs not found", (AUTH,)),
    ("comparison", "difference between 404 and 410", ("compare/404-vs-410/",)),
    ("comparison", "301 vs 308", (REDIRECTS,)),
    ("comparison", "307 vs 302", (REDIRECTS,)),
    ("comparison", "400 vs 409", (CLIENT_ERRORS,)),
    ("comparison", "difference between 502 and 504", (SERVER_ERRORS, CLOUDFLARE)),
    ("comparison", "500 vs 502", (SERVER_ERRORS,)),
    ("comparison", "200 vs 201", (SUCCESS,)),
    ("comparison", "202 vs 204", (SUCCESS,)),
    ("comparison", "difference between 406 and 415", ("compare/406-vs-415/",)),
    ("comparison", "413 vs 414", (TOO_LARGE,)),
    ("comparison", "unauthorized vs proxy authentication required", ("compare/401-vs-407/",)),
    ("concept", "etags", ("304/", "412/")),
    ("concept", "if-match header", ("412/",)),
    ("concept", "ratelimit", ("429/",)),
    ("concept", "x-ratelimit-limit", ("429/",)),
    ("concept", "cors preflight", (CORS,)),
    ("concept", "blocked by cors policy", (CORS,)),
    ("concept", "origin not allowed", (CORS,)),
    ("concept", "response status 0", (CORS,)),
    ("concept", "access-control-allow-methods", (CORS,)),
    ("british", "unauthorised access", ("401/",)),
    ("british", "authorisation failed", ("401/", "403/")),
    ("british", "request cancelled", ("499/",)),
    ("typo", "forbbiden", ("403/",)),
    ("typo", "unauthorzied", ("401/",)),
    ("typo", "gateway timout", ("504/",)),
    ("typo", "bad gateaway", ("502/",)),
    ("typo", "internal sever error", ("500/",)),
    ("typo", "unprocessable entitiy", ("422/",)),
    ("typo", "conflcit", ("409/",)),
]
