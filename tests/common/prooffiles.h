#pragma once

#include <QByteArray>

namespace fund::tests {

// Small real files for the proof-document tests: a one-page PDF (QPdfWriter), a PNG and a
// JPEG (QImage), each different for a different `seed`.
QByteArray samplePdf(int seed = 0);
QByteArray samplePng(int seed = 0);
QByteArray sampleJpeg(int seed = 0);

} // namespace fund::tests
