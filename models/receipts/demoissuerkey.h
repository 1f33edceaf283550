#pragma once

namespace fund::models {

// TEST ONLY RSA-2048 key pair of the demo city's local receipt issuer (PEM).
extern const char *const DemoIssuerPrivateKeyPem;
extern const char *const DemoIssuerPublicKeyPem;

} // namespace fund::models
