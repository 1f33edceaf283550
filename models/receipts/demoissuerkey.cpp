#include "models/receipts/demoissuerkey.h"

namespace fund::models {

// TEST ONLY: the demo city's receipt signing key, also tests/fixtures/keys/TEST_ONLY_receipt_issuer_*.pem.
// It is public (it is in git): a receipt signed with it proves nothing outside the demo.
const char *const DemoIssuerPrivateKeyPem =
    "-----BEGIN PRIVATE KEY-----\n"
    "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDLtPU1mYwyQaFU\n"
    "3hCV8uRks/WghRYm7OQ5SnF2wdAEfwAWCymeKHcYpDjORzOmWRPsBaYOp1Ds9iR1\n"
    "UJrl/Twi3u0n76LwS3tJ1RkDHi/wnKj8NdosBZiY0vLfuK9MMUsg0pQaCHBrMU39\n"
    "QBcYGGOctCZvaWGE9e0wlsoLxjeFRMhPvOs8zQrSmTUy26LSaY7p5s/MxEOfFQDt\n"
    "ft1Tk8jyxkmdcPcHxsIVvbH3JqmG1hHRU6esuxHsa8Tma1Mc3BrL76soIr3FvHT2\n"
    "jhSpADiRV/+fQlX7nRt9biIKdfImDGK2GvhbR/e5agatRKd1duKEQZAej76aRQaL\n"
    "BAZ1cYlFAgMBAAECggEADkrozoUyvT72GRyImODFLhyjTgswcfQ6kht7SQwRspMP\n"
    "mDxZw+9OZeP12WFNCi2jVHLUAyCxsKKXjcSlTaA+NSsjhCMP8WC2aoiBXALk9bKk\n"
    "N6f2ohKVcZmRcWmFoSivPwMPYaE4dAjuUifKRwZFDPRl4vjHnxrbNMbLr9ZNRHQe\n"
    "IX45/JPIXds+KCj0enUTsaGMx8qPm8ZlIv+vLOAwhc9S3Q5V/Hp1mWo2LhWfE1Fp\n"
    "ke5ZB//J0NFfY55U1E4pRZTYg7xyVgFAaiCy+l4vXMYBGP4Y0LyUiMHZZiomQ6/g\n"
    "F1x0bC1WX+h7/fzknX+Recx1R3+WfUzqyAkd3CpAMQKBgQD1mzvvoEyrT+73ukkf\n"
    "/gzRqbJKkw4gIxWpG/HSWahd3gm4dfiPtmJtj29qHBzzrsYTtmxgXIsLEjqWTCG3\n"
    "JNlQ54QH3iKYWewUDkQq5nRKn2tXwz2NCgba/85XMpFCid4ztAMMetmEDaB6w9a4\n"
    "UtiMyBiskYyhrpWLEgmVJvON8QKBgQDUU86iZ9x5Tqj1ehG7GzQabCjcnRVU6uJ3\n"
    "p9yQBK+d6Sq1A7eI6cltvNy+VwF2NnUS5NXTut4nzhYrP7Vo4YFmQ+TKqNQQErfC\n"
    "8OJJA2kwvc7EK2XnZHJlqWdi9MHaMgR4Areax/Zjrdrk8vEqFd9880s/uHHco1fZ\n"
    "D+aIAXKslQKBgQCE6Y8T7IHRK568vTkZcRhq1hTAOrioN5RfQdop5Y8xzRkhk+YB\n"
    "j8fQVpEKsVARp4FV5aDcvPgZ87F06JpOTEi2ebN/tnyuSetyJw5I0RIZ2A/1HJlQ\n"
    "nB59oXV+xsTJZ2ayQDZuKIVR6zXvec/XTC4Ycai4qsOaM6qF6ir5ZmzjYQKBgGvP\n"
    "piNms1dRLo9+jRRBiuJDuzfR9yvoHFf/fwoNpxJ6e3nwSjgV5XZ4KGnpic95dVbD\n"
    "pSNeRkFV7oHFVprLrkW8Aac5tHv41SAB6hSCy9248w0+r/6fTUr7ioh/mRLuxMAf\n"
    "ORU5pY0VkQkhpnzlIFa0vqe7Qu1ybz/DSB4VBiJFAoGATSUYNvzS9zl4bx3DDxR1\n"
    "jWAg13lWqKgc5M7vxkZSoEJjcqXZ3rKlU6BtB88g6kRLmanzvE2r8GuIwe4QkOjH\n"
    "J50Tj75Q7QVNJ/QMUeX1y2wE9K87oFgHx8rzuMDZlYYDUZnDkgE28wMTgQ+MIGWi\n"
    "jpdookvbNQuHP6zMJajVi4o=\n"
    "-----END PRIVATE KEY-----\n"
    ;
const char *const DemoIssuerPublicKeyPem =
    "-----BEGIN PUBLIC KEY-----\n"
    "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAy7T1NZmMMkGhVN4QlfLk\n"
    "ZLP1oIUWJuzkOUpxdsHQBH8AFgspnih3GKQ4zkczplkT7AWmDqdQ7PYkdVCa5f08\n"
    "It7tJ++i8Et7SdUZAx4v8Jyo/DXaLAWYmNLy37ivTDFLINKUGghwazFN/UAXGBhj\n"
    "nLQmb2lhhPXtMJbKC8Y3hUTIT7zrPM0K0pk1Mtui0mmO6ebPzMRDnxUA7X7dU5PI\n"
    "8sZJnXD3B8bCFb2x9yaphtYR0VOnrLsR7GvE5mtTHNway++rKCK9xbx09o4UqQA4\n"
    "kVf/n0JV+50bfW4iCnXyJgxithr4W0f3uWoGrUSndXbihEGQHo++mkUGiwQGdXGJ\n"
    "RQIDAQAB\n"
    "-----END PUBLIC KEY-----\n"
    ;

} // namespace fund::models
