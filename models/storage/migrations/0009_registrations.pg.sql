-- PostgreSQL part of schema v9: the checker-only role 'reviewer' (审核员).
ALTER TABLE staff DROP CONSTRAINT staff_role_check;
ALTER TABLE staff ADD CONSTRAINT staff_role_check CHECK (role IN ('clerk', 'supervisor', 'admin', 'reviewer'));
