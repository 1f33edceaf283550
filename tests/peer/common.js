// TEST ONLY. Shared by the peer scripts: read one JSON request from stdin, answer one JSON object
// on stdout. tst_peer.cpp runs each script with `node`, cwd and NODE_PATH = tests/peer.
'use strict';

const fs = require('fs');
const path = require('path');

// The TEST ONLY keys the C++ tests use (tests/fixtures/keys/README.md).
function testKey(name) {
  return fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'keys', name), 'utf8');
}

function serve(handler) {
  const chunks = [];
  process.stdin.on('data', (c) => chunks.push(c));
  process.stdin.on('end', async () => {
    try {
      const request = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const answer = await handler(request);
      process.stdout.write(JSON.stringify(answer));
    } catch (e) {
      process.stderr.write(`${e && e.stack ? e.stack : e}\n`);
      process.exitCode = 2;
    }
  });
}

module.exports = { testKey, serve };
