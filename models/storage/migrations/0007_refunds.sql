-- Schema v7: refunds (payment_refunds) — filled in by the refunds work.
SELECT 1;
