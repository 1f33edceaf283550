-- PostgreSQL part of schema v8: the copied ids must not be handed out again by the identity.
SELECT setval(pg_get_serial_sequence('receipts', 'id'), coalesce((SELECT max(id) FROM receipts), 0) + 1, false);
