#pragma once

// Shared helpers for the test suite; see the individual headers in tests/common.
