-- Schema v8: receipt platform states, paper exchange and red reversal — filled in by the e-receipts work.
SELECT 1;
