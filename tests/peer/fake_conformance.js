// TEST ONLY. Protocol conformance of the C++ fake gateway (tests/fakes/paymentfake): the
// official-style clients talk to it over loopback HTTP with their own signing and their own
// response verification. If they accept its answers, the fake speaks the real protocol.
// Driven by tst_peer (fakeConformance), which runs the fake in-process.
'use strict';

const { Wechatpay } = require('wechatpay-axios-plugin');
const { AlipaySdk } = require('alipay-sdk');
const { testKey, serve } = require('./common');

function wechatpay(req, privateKeyName) {
  return new Wechatpay({
    mchid: req.mchid,
    serial: req.serial,
    privateKey: testKey(privateKeyName || 'TEST_ONLY_wechatpay_merchant_private.pem'),
    certs: { [req.platformSerial]: testKey('TEST_ONLY_wechatpay_platform_public.pem') },
    baseURL: req.baseURL,
    proxy: false,
    timeout: 10000,
  });
}

function alipay(req) {
  return new AlipaySdk({
    appId: req.alipayAppId,
    privateKey: testKey('TEST_ONLY_alipay_app_private_pkcs1.pem'),
    keyType: 'PKCS1',
    alipayPublicKey: testKey('TEST_ONLY_alipay_gateway_public.pem'),
    gateway: req.gateway,
    timeout: 10000,
  });
}

function failure(e) {
  return {
    rejected: true,
    message: String(e && e.message),
    status: e && e.response ? e.response.status : undefined,
    data: e && e.response ? e.response.data : undefined,
  };
}

serve(async (req) => {
  switch (req.op) {
    // Native create, query, close: every answer through the plugin's own response verifier.
    case 'wechat': {
      const wx = wechatpay(req);
      const created = await wx.v3.pay.transactions.native.post({
        appid: req.appid,
        mchid: req.mchid,
        description: '住宅专项维修资金 朝阳区望京西园 1-2-301',
        out_trade_no: req.outTradeNo,
        notify_url: 'https://pay.example.com/wechat/notify',
        amount: { total: req.total, currency: 'CNY' },
      });
      const queried = await wx.v3.pay.transactions.outTradeNo.$out_trade_no$.get({
        params: { mchid: req.mchid },
        out_trade_no: req.outTradeNo,
      });
      const closed = await wx.v3.pay.transactions.outTradeNo.$out_trade_no$.close.post(
        { mchid: req.mchid }, { out_trade_no: req.outTradeNo });
      return {
        createStatus: created.status,
        codeUrl: created.data.code_url,
        queryStatus: queried.status,
        tradeState: queried.data.trade_state,
        total: queried.data.amount.total,
        closeStatus: closed.status,
      };
    }
    // One request that the fake answers with a fault: the plugin must refuse the answer.
    case 'wechatExpectRejected': {
      try {
        const res = await wechatpay(req).v3.pay.transactions.native.post({
          appid: req.appid, mchid: req.mchid, description: 'probe', out_trade_no: req.outTradeNo,
          notify_url: 'https://pay.example.com/wechat/notify', amount: { total: 1, currency: 'CNY' },
        });
        return { rejected: false, status: res.status };
      } catch (e) {
        return failure(e);
      }
    }
    // Signed with a key the fake does not know: the fake must answer 401 SIGN_ERROR.
    case 'wechatWrongKey': {
      try {
        const res = await wechatpay(req, 'TEST_ONLY_wechatpay_platform_private.pem').v3.pay.transactions.native.post({
          appid: req.appid, mchid: req.mchid, description: 'probe', out_trade_no: req.outTradeNo,
          notify_url: 'https://pay.example.com/wechat/notify', amount: { total: 1, currency: 'CNY' },
        });
        return { rejected: false, status: res.status };
      } catch (e) {
        return failure(e);
      }
    }
    // precreate and query through alipay-sdk exec with validateSign.
    case 'alipay': {
      const sdk = alipay(req);
      const pre = await sdk.exec('alipay.trade.precreate', {
        bizContent: { out_trade_no: req.outTradeNo, total_amount: req.totalAmount, subject: '住宅专项维修资金' },
      }, { validateSign: true });
      const q = await sdk.exec('alipay.trade.query', { bizContent: { out_trade_no: req.outTradeNo } },
        { validateSign: true });
      return { precreateCode: pre.code, qrCode: pre.qrCode || pre.qr_code, queryCode: q.code,
        tradeStatus: q.tradeStatus || q.trade_status, totalAmount: q.totalAmount || q.total_amount };
    }
    case 'alipayExpectRejected': {
      try {
        const pre = await alipay(req).exec('alipay.trade.precreate', {
          bizContent: { out_trade_no: req.outTradeNo, total_amount: '0.01', subject: 'probe' },
        }, { validateSign: true });
        return { rejected: false, code: pre.code };
      } catch (e) {
        return failure(e);
      }
    }
    default:
      throw new Error(`unknown op ${req.op}`);
  }
});
