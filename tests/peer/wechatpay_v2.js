// TEST ONLY. WeChat Pay APIv2 cross-checks with wechatpay-axios-plugin: Hash.sign (MD5 and
// HMAC-SHA256 over the sorted non-empty parameters) and Transformer (XML both ways).
'use strict';

const { Hash, Transformer } = require('wechatpay-axios-plugin');
const { serve } = require('./common');

serve((req) => {
  switch (req.op) {
    case 'sign':
      return {
        signs: req.cases.map((c) => ({
          md5: Hash.sign(Hash.ALGO_MD5, c.params, c.key),
          hmac: Hash.sign(Hash.ALGO_HMAC_SHA256, c.params, c.key),
        })),
      };
    case 'xml':
      return { parsed: Transformer.toObject.call({}, req.ours), built: Transformer.toXml.call({}, req.params) };
    default:
      throw new Error(`unknown op ${req.op}`);
  }
});
